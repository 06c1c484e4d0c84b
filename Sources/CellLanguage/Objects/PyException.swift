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
    /// For an instance of a cell-defined exception class (`class MyError(ValueError)`):
    /// its class and `__dict__`. `type` is then the builtin class it derives from.
    var instance: PyInstance?

    /// The class name, as tracebacks and `type(e).__name__` show it.
    public var typeName: String { instance?.cls.name ?? type.name }

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
        if case .str(let s)? = try? userSpecial("__str__") { return s }
        return builtinMessage
    }

    /// `BaseException.__str__`: what `str(e)` is without a cell class's override.
    var builtinMessage: String {
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
        if case .str(let s)? = try? userSpecial("__repr__") { return s }
        return builtinRepr
    }

    /// `BaseException.__repr__`: `ValueError('bad')`.
    var builtinRepr: String {
        if args.count == 1 { return "\(typeName)(\(args[0].repr))" }
        let inner = Value.tuple(args).repr
        return typeName + (args.isEmpty ? "()" : inner)
    }

    /// `TypeError: message`, as the last line of a traceback (IPython keeps the `: `
    /// even when the message is empty).
    public var summary: String { "\(typeName): \(message)" }

    /// Calls a cell exception class's special method `name` on this exception (nil when
    /// the class does not define it).
    func userSpecial(_ name: String, _ arguments: Value...) throws -> Value? {
        guard let instance, let method = instance.cls.lookup(name), let interpreter = instance.interpreter else { return nil }
        return try interpreter.call(interpreter.bind(method, to: .exception(self), name: name), Arguments(arguments))
    }
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
