import CellOutput

/// Classes that library modules write in Python so cells can subclass them
/// (`class Stop(keras.callbacks.Callback)`): a library class is an ordinary cell class whose
/// source is the library's, so its subclasses call, print and snapshot as any cell class.
extension Interpreter {
    /// Runs `source`, which must bind the class `name`, and returns it, leaving the session's
    /// globals as they were. Its functions keep `source` as their origin: a snapshot saves
    /// that text and a restore parses it again, as it does a cell's.
    ///
    ///     let callback = try interpreter.defineLibraryClass("Callback", source: "class Callback:\n    pass\n")
    public func defineLibraryClass(_ name: String, source: String) throws -> Value {
        let saved = globals[name]
        defer { globals[name] = saved }
        let program: Program
        do {
            var parser = try Parser(source: source, cellNumber: 0, globals: globals)
            program = try parser.parseProgram()
        } catch let error as SyntaxErrorInfo {
            throw PyException(.syntaxError, "library class \(name): \(error.message)")
        }
        let frame = Frame(slotCount: 0, parent: nil, label: nil, name: nil, cellNumber: 0)
        _ = try execute(program.body, frame)
        guard let value = globals[name] else {
            throw PyException(.runtimeError, "the library source did not define \(name)")
        }
        return value
    }
}

extension Interpreter {
    /// Runs `body` and returns what it printed instead of writing it, so a library can place
    /// that text inside an output of its own (the lines a Keras callback prints go into the
    /// training log, between the epochs). Other parts (figures) are kept as output; if `body`
    /// throws, its text is written as usual before the error propagates.
    public func capturingText(_ body: () throws -> Void) rethrows -> String {
        let before = outputs
        outputs = []
        var produced: [OutputPart] = []
        do {
            try body()
            produced = outputs
        } catch {
            produced = outputs
            outputs = before
            for part in produced { emit(part) }
            throw error
        }
        outputs = before
        var text = ""
        for part in produced {
            if case .stream(let written) = part { text += written } else { outputs.append(part) }
        }
        return text
    }
}
