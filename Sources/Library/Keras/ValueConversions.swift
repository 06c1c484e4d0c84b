import CellLanguage
import NeuralEngine

/// Reading Python argument values into Swift ones, with the errors a Keras user would get
/// for a value of the wrong type. `what` names the argument in messages (`units`,
/// `batch_size`).
enum Convert {
    /// An integer (`True`/`False` and numpy integer scalars count, as `operator.index`).
    static func int(_ value: Value, _ what: String) throws -> Int {
        if case .float(let d) = value, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
        guard let i = value.asInt else {
            throw PyException(.typeError, "`\(what)` must be an integer, got \(describe(value))")
        }
        return i
    }

    /// An integer or `None`.
    static func optionalInt(_ value: Value, _ what: String) throws -> Int? {
        value.isNone ? nil : try int(value, what)
    }

    /// A number (int, float, bool, numpy scalar).
    static func double(_ value: Value, _ what: String) throws -> Double {
        guard let d = value.asDouble else {
            throw PyException(.typeError, "`\(what)` must be a number, got \(describe(value))")
        }
        return d
    }

    /// A string.
    static func string(_ value: Value, _ what: String) throws -> String {
        guard case .str(let s) = value else {
            throw PyException(.typeError, "`\(what)` must be a string, got \(describe(value))")
        }
        return s
    }

    /// A shape: a tuple or list of positive integers (a bare integer is a 1-tuple), as
    /// `input_shape=(784,)`. `None` entries (a variable batch axis) are not supported.
    static func shape(_ value: Value, _ what: String) throws -> [Int] {
        let items: [Value]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default:
            if value.asInt != nil { items = [value] } else {
                throw PyException(.typeError, "`\(what)` must be a tuple of integers such as (784,), got \(describe(value))")
            }
        }
        return try items.map { item in
            if item.isNone {
                throw PyException(.valueError, "`\(what)`: Labbook needs every dimension of \(value.repr) to be known (no None)")
            }
            let n = try int(item, what)
            guard n > 0 else {
                throw PyException(.valueError, "`\(what)` must contain positive integers, got \(value.repr)")
            }
            return n
        }
    }

    /// Keras' `verbose`: `0`/`False` silent, `1`/`True` progress bar, `2` one line per
    /// epoch; `'auto'` is 1.
    static func verbose(_ value: Value) throws -> Int {
        if case .str(let s) = value, s == "auto" { return 1 }
        guard let v = value.asInt, (0...2).contains(v) else {
            throw PyException(.valueError, "`verbose` must be 0, 1 or 2 (or True/False), got \(value.repr)")
        }
        return v
    }

    /// `'str' 'abc'`, `list [1, 2]`: the type and the value, for messages.
    static func describe(_ value: Value) -> String {
        let shown = value.repr
        return shown.count > 40 ? value.typeName : "\(value.typeName) \(shown)"
    }
}

/// The Python exception a Keras user sees for an engine error.
extension KerasError {
    var pythonException: PyException {
        let type: ExceptionType
        switch kind {
        case .valueError: type = .valueError
        case .runtimeError: type = .runtimeError
        case .typeError: type = .typeError
        case .memoryError: type = .memoryError
        }
        return PyException(type, message)
    }
}

/// Runs engine code, turning its `KerasError`s into Python exceptions (and anything else
/// into a `RuntimeError` rather than a crash).
func pythonErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as PyException {
        throw e
    } catch let e as KerasError {
        throw e.pythonException
    } catch {
        throw PyException(.runtimeError, String(describing: error))
    }
}
