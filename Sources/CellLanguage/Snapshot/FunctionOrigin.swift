/// A cell's source text, shared by every function parsed from it.
final class FunctionSource {
    let text: String
    init(_ text: String) { self.text = text }
}

/// Where a function's code came from: its cell's source and its position among the
/// `def`s and `lambda`s of that source in parse order. Parsing the same source again
/// yields the same code at the same ordinal, which is how snapshots save functions.
struct FunctionOrigin {
    let source: FunctionSource
    let ordinal: Int
}

extension Parser {
    /// Records a `def`/`lambda` just created (its origin for snapshots).
    mutating func registerFunction(_ code: FunctionCode) {
        code.origin = FunctionOrigin(source: functionSource, ordinal: functionCodes.count)
        functionCodes.append(code)
    }
}
