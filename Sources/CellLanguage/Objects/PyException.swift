/// A Python exception: thrown as a Swift error by the interpreter and by host code, and
/// a value (`except ValueError as e`) in cells.
///
///     throw PyException(.valueError, "units must be positive")
///     // in the cell: ValueError: units must be positive
public final class PyException: Error, @unchecked Sendable {
    public let type: ExceptionType
    /// The exception's arguments (`e.args`); host code usually passes one message.
    public var args: [Value]
    /// Frames the exception passed through, innermost first.
    var traceback: [TracebackEntry] = []
    /// The frame that recorded the last traceback entry, so each frame records once.
    var lastRecorder: AnyObject?
    /// `raise ... from cause`.
    var cause: PyException?
    /// The exception being handled when this one was raised.
    var context: PyException?
    var suppressContext = false
    /// Timeouts and interrupts: `except` clauses do not catch them (finally blocks still run).
    var isFatal = false

    public init(_ type: ExceptionType, _ message: String) {
        self.type = type
        self.args = [.str(message)]
    }

    public init(_ type: ExceptionType, args: [Value]) {
        self.type = type
        self.args = args
    }

    /// `str(e)`: the message (for KeyError, the key's repr).
    public var message: String {
        switch args.count {
        case 0: return ""
        case 1:
            if type == .keyError { return args[0].repr }
            return args[0].str
        default: return Value.tuple(args).repr
        }
    }

    /// `repr(e)`: `ValueError('bad')`.
    public var repr: String {
        if args.count == 1 { return "\(type.name)(\(args[0].repr))" }
        let inner = Value.tuple(args).repr
        return type.name + (args.isEmpty ? "()" : inner)
    }

    /// `TypeError: message`, as the last line of a traceback (IPython keeps the `: `
    /// even when the message is empty).
    public var summary: String { "\(type.name): \(message)" }
}

/// One frame of a traceback: a cell and line, and the function running there (nil for a
/// cell's top level).
struct TracebackEntry: Equatable {
    var cellNumber: Int
    var line: Int
    /// IPython's frame label, e.g. `f(x, y)` or `<listcomp>(.0)`.
    var function: String?
    /// Identifies the code for collapsing repeated frames, e.g. `fib`.
    var functionName: String?
    /// Lines context may be taken from (a function's own lines); nil for the whole cell.
    var scopeLines: ClosedRange<Int>?
}
