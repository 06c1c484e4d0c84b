extension Interpreter {
    /// Tells the person running the notebook something a library did differently from the
    /// real one (`savefig('name')` writing `name.svg` where matplotlib writes `name.png`), on
    /// the terminal, placed at the cell line running now. The cell's output gets it too, from
    /// the library, as a warning.
    public func notice(_ text: String) {
        guard let frame = currentFrame, frame.line > 0 else { return }
        onNotice?(frame.cellNumber, frame.line, text)
    }
}
