import NotebookFormat

/// Cell options and the Jupyter cell tags that mean the same thing to Jupyter tools.
///
/// | option | tag | honoured by |
/// |---|---|---|
/// | `error: true` | `raises-exception` | nbclient (`jupyter nbconvert --execute`, papermill): the error does not stop the run |
/// | `eval: false` | `skip-execution` | nbclient: the cell is not run |
/// | `echo: false` | `remove-input` | nbconvert's `TagRemovePreprocessor` when configured, Jupyter Book |
/// | `output: false` | `remove-output` | the same |
enum CellTags {
    /// Each tag with the option line that means it.
    static let mapping: [(tag: String, option: String, value: Bool)] = [
        ("raises-exception", "error", true), ("skip-execution", "eval", false),
        ("remove-input", "echo", false), ("remove-output", "output", false),
    ]

    private static func isSet(_ option: String, in options: CellOptions) -> Bool {
        switch option {
        case "error": return options.error
        case "eval": return !options.eval
        case "echo": return !options.echo
        default: return !options.output
        }
    }

    static func tags(for options: CellOptions) -> [String] {
        mapping.filter { isSet($0.option, in: options) }.map(\.tag)
    }

    /// The `#| option: value` lines a Jupyter cell's tags call for that its source does not
    /// already set.
    static func optionLines(forTags tags: [String], options: CellOptions) -> [String] {
        mapping.filter { tags.contains($0.tag) && !isSet($0.option, in: options) }.map { "#| \($0.option): \($0.value)" }
    }
}
