import Foundation
import CellLanguage

/// `x.dtype`: prints as `dtype('float32')`, compares equal to `'float32'`, `np.float32`
/// and to another dtype.
public final class DTypeObject: HostObject {
    public let dtype: DType
    public init(_ dtype: DType) { self.dtype = dtype }

    public var typeName: String { "numpy.dtype" }
    public var repr: String { dtype.repr }
    public var str: String { dtype.name }

    public func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "name": return .str(dtype.name)
        case "itemsize": return .int(dtype.itemSize)
        case "kind": return .str(dtype.kind)
        case "str": return .str(dtype.typeString)
        case "type": return .host(ScalarTypeObject(dtype))
        default: throw attributeError(name)
        }
    }

    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let same: Bool
        if case let otherType?? = try? NumPyTypes.dtype(other) { same = otherType == dtype } else { same = false }
        return .bool(op == .equal ? same : !same)
    }
}

/// `np.float32`, `np.uint8`, ...: a scalar type, usable as a dtype and callable
/// (`np.float32(0.5)` is a NumPy scalar, `np.float32([1, 2])` an array).
public final class ScalarTypeObject: HostClass {
    public let dtype: DType
    public init(_ dtype: DType) { self.dtype = dtype }

    public var qualifiedName: String { "numpy.\(NumPyScalar.typeSuffix(dtype))" }

    public func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        if name == "__name__" { return .str(NumPyScalar.typeSuffix(dtype)) }
        throw PyException(.attributeError, "type object 'numpy.\(NumPyScalar.typeSuffix(dtype))' has no attribute '\(name)'")
    }

    public var isCallable: Bool { true }

    public func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind(NumPyScalar.typeSuffix(dtype), [HostParameter("value", default: .int(0))])
        let value = bound["value"]
        if case .str(let s) = value {
            guard let d = Double(s.trimmingCharacters(in: .whitespaces)) else {
                throw PyException(.valueError, "could not convert string to float: \(value.repr)")
            }
            return .host(NumPyScalar(NDArray(shape: [], storage: ArrayStorage.float64([d]).converted(to: dtype))))
        }
        let array = try ArrayConversion.array(from: value, dtype: dtype)
        return ArrayMethods.wrap(array)
    }

    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        var same = false
        if case .host(let h) = other, let t = h as? ScalarTypeObject { same = t.dtype == dtype }
        return .bool(op == .equal ? same : !same)
    }
}

enum NumPyTypes {
    /// The dtype a `dtype=` argument names: `'float32'`, `np.float32`, `float`, `x.dtype`
    /// (nil for None).
    static func dtype(_ value: Value) throws -> DType? {
        switch value {
        case .none: return nil
        case .str(let name):
            guard let d = DType(name: name) else { throw PyException(.typeError, "data type '\(name)' not understood") }
            return d
        case .type(.builtin(let b)):
            switch b {
            case .float: return .float64
            case .int: return .int64
            case .bool: return .bool
            default: break
            }
        case .host(let h):
            if let d = h as? DTypeObject { return d.dtype }
            if let t = h as? ScalarTypeObject { return t.dtype }
        default: break
        }
        throw PyException(.typeError, "Cannot interpret '\(value.repr)' as a data type")
    }
}

/// Argument conversions shared by the module functions and methods.
enum NumPyArguments {
    static func integer(_ value: Value, _ what: String) throws -> Int {
        if case .float = value {
            throw PyException(.typeError, "'float' object cannot be interpreted as an integer")
        }
        guard let i = value.asInt else {
            throw PyException(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer")
        }
        return i
    }

    /// An int or a sequence of ints (shapes, axes).
    static func integers(_ value: Value, _ what: String) throws -> [Int] {
        switch value {
        case .tuple(let items): return try items.map { try integer($0, what) }
        case .list(let l): return try l.items.map { try integer($0, what) }
        case .host(let h):
            if let a = h as? NDArray, a.ndim == 1 { return a.storage.asInt64().map { Int($0) } }
            return [try integer(value, what)]
        default: return [try integer(value, what)]
        }
    }

    /// Any array-like as an array (`np.asarray`): an array argument itself, so that
    /// `np.reshape(x, ...)` and `np.transpose(x)` are views of `x` as in NumPy.
    static func array(_ value: Value) throws -> NDArray {
        if case .host(let h) = value, let a = h as? NDArray { return a }
        // A copy (sharing the elements until written): a tensor never changes.
        if case .host(let h) = value, let c = h as? any ArrayConvertible {
            return NDArray(shape: c.arrayValue.shape, storage: c.arrayValue.storage)
        }
        return try ArrayConversion.array(from: value, dtype: nil)
    }
}
