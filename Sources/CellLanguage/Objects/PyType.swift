/// A type object: what `type(x)` returns and what `isinstance` and `except` test against.
///
///     Value.type(.builtin(.int)).repr   // "<class 'int'>"
public enum PyType: Equatable {
    case builtin(BuiltinType)
    case exception(ExceptionType)
    /// The type of a host object, by its `typeName`.
    case host(String)
    /// Internal types such as `map` or `list_iterator`.
    case other(String)

    public var name: String {
        switch self {
        case .builtin(let b): return b.rawValue
        case .exception(let e): return e.name
        case .host(let n), .other(let n): return n
        }
    }
}

/// The builtin types of the subset.
public enum BuiltinType: String, CaseIterable {
    case object, int, float, str, bool, list, tuple, dict, set, frozenset, range, slice, type
    case noneType = "NoneType"
    case function
    case builtinFunction = "builtin_function_or_method"
    case method, module
}

/// Python's exception classes, with CPython's hierarchy for `except` matching.
public enum ExceptionType: String, CaseIterable, Sendable {
    case baseException = "BaseException"
    case systemExit = "SystemExit"
    case keyboardInterrupt = "KeyboardInterrupt"
    case generatorExit = "GeneratorExit"
    case exception = "Exception"
    case arithmeticError = "ArithmeticError"
    case zeroDivisionError = "ZeroDivisionError"
    case overflowError = "OverflowError"
    case floatingPointError = "FloatingPointError"
    case assertionError = "AssertionError"
    case attributeError = "AttributeError"
    case lookupError = "LookupError"
    case indexError = "IndexError"
    case keyError = "KeyError"
    case nameError = "NameError"
    case unboundLocalError = "UnboundLocalError"
    case runtimeError = "RuntimeError"
    case recursionError = "RecursionError"
    case notImplementedError = "NotImplementedError"
    case typeError = "TypeError"
    /// numpy's casting error (`x /= 2` on an integer array); shown under this name, a TypeError.
    case ufuncTypeError = "UFuncTypeError"
    /// numpy's bad-axis error (`a.sum(axis=2)` on a matrix). NumPy's also derives from
    /// IndexError; here it is a ValueError only.
    case axisError = "AxisError"
    case valueError = "ValueError"
    case unicodeError = "UnicodeError"
    case importError = "ImportError"
    case moduleNotFoundError = "ModuleNotFoundError"
    case stopIteration = "StopIteration"
    case osError = "OSError"
    case fileNotFoundError = "FileNotFoundError"
    case timeoutError = "TimeoutError"
    case memoryError = "MemoryError"
    case syntaxError = "SyntaxError"
    case indentationError = "IndentationError"
    case warning = "Warning"
    case userWarning = "UserWarning"
    case deprecationWarning = "DeprecationWarning"
    case futureWarning = "FutureWarning"
    case runtimeWarning = "RuntimeWarning"
    case fileExistsError = "FileExistsError"
    case isADirectoryError = "IsADirectoryError"
    case notADirectoryError = "NotADirectoryError"
    /// `statistics.StatisticsError` (a ValueError; not a builtin name).
    case statisticsError = "StatisticsError"
    /// `io.UnsupportedOperation` (an OSError; not a builtin name).
    case unsupportedOperation = "UnsupportedOperation"
    /// `json.JSONDecodeError` (a ValueError; not a builtin name).
    case jsonDecodeError = "JSONDecodeError"

    public var name: String { rawValue }

    /// Whether Python has it as a builtin name (numpy's exceptions are not).
    public var isBuiltin: Bool { self != .ufuncTypeError && self != .axisError && self != .jsonDecodeError && self != .statisticsError && self != .unsupportedOperation }

    /// The base class (nil for BaseException).
    public var parent: ExceptionType? {
        switch self {
        case .baseException: return nil
        case .systemExit, .keyboardInterrupt, .generatorExit, .exception: return .baseException
        case .zeroDivisionError, .overflowError, .floatingPointError: return .arithmeticError
        case .indexError, .keyError: return .lookupError
        case .ufuncTypeError: return .typeError
        case .axisError: return .valueError
        case .unboundLocalError: return .nameError
        case .recursionError, .notImplementedError: return .runtimeError
        case .unicodeError: return .valueError
        case .moduleNotFoundError: return .importError
        case .fileNotFoundError, .timeoutError, .fileExistsError, .isADirectoryError, .notADirectoryError,
             .unsupportedOperation: return .osError
        case .deprecationWarning, .futureWarning, .runtimeWarning: return .warning
        case .jsonDecodeError, .statisticsError: return .valueError
        case .indentationError: return .syntaxError
        case .userWarning: return .warning
        default: return .exception
        }
    }

    /// Whether an `except other:` clause catches this type.
    public func isSubclass(of other: ExceptionType) -> Bool {
        var t: ExceptionType? = self
        while let current = t {
            if current == other { return true }
            t = current.parent
        }
        return false
    }
}
