import CellLanguage
import Foundation
import NeuralEngine

/// A stand-in for numpy's `NDArray` (being written on the `numpy` branch) so the keras
/// module can be built and tested now: float32 or uint8 storage, `shape`, `dtype`,
/// `reshape`, `astype`, division by a scalar, first-axis slicing. Replaced by `NDArray`
/// when that lands.
final class InterimArray: HostObject, SampleSource {
    let shape: [Int]
    private let floats: [Float]?
    private let bytes: [UInt8]?

    init(shape: [Int], floats: [Float]) {
        self.shape = shape
        self.floats = floats
        self.bytes = nil
    }

    init(shape: [Int], bytes: [UInt8]) {
        self.shape = shape
        self.floats = nil
        self.bytes = bytes
    }

    var typeName: String { "ndarray" }
    var dtype: String { bytes != nil ? "uint8" : "float32" }
    var count: Int { shape.reduce(1, *) }
    var repr: String { "array(<\(pythonShape) \(dtype)>)" }
    private var pythonShape: String { Value.tuple(shape.map { .int($0) }).repr }

    func copyRows(_ rows: UnsafeBufferPointer<Int>, to destination: UnsafeMutablePointer<Float>) {
        let width = shape.dropFirst().reduce(1, *)
        if let floats {
            floats.withUnsafeBufferPointer { src in
                for (i, row) in rows.enumerated() {
                    for j in 0..<width { destination[i * width + j] = src[row * width + j] }
                }
            }
        } else if let bytes {
            bytes.withUnsafeBufferPointer { src in
                for (i, row) in rows.enumerated() {
                    for j in 0..<width { destination[i * width + j] = Float(src[row * width + j]) }
                }
            }
        }
    }

    private var allFloats: [Float] { floats ?? (bytes ?? []).map { Float($0) } }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "shape": return .tuple(shape.map { .int($0) })
        case "ndim": return .int(shape.count)
        case "size": return .int(count)
        case "dtype": return .host(InterimDType(name: dtype))
        case "tolist":
            return .builtin(BuiltinFunction("tolist") { _, _ in
                let values: [Value] = self.floats.map { $0.map { .float(Double($0)) } } ?? (self.bytes ?? []).map { .int(Int($0)) }
                func nest(_ dims: ArraySlice<Int>, _ items: ArraySlice<Value>) -> Value {
                    guard let first = dims.first else { return items.first ?? .none }
                    let stride = dims.dropFirst().reduce(1, *)
                    return .list(PyList((0..<first).map { i in
                        nest(dims.dropFirst(), items.dropFirst(i * stride).prefix(stride))
                    }))
                }
                return nest(self.shape[...], values[...])
            })
        case "reshape":
            return .builtin(BuiltinFunction("reshape") { args, _ in
                var dims = try args.positional.count == 1 ? Convert.shapeAllowingMinusOne(args.positional[0])
                    : args.positional.map { try Convert.int($0, "shape") }
                if let i = dims.firstIndex(of: -1) {
                    let known = dims.enumerated().filter { $0.offset != i }.reduce(1) { $0 * $1.element }
                    dims[i] = known == 0 ? 0 : self.count / known
                }
                guard dims.reduce(1, *) == self.count else {
                    throw PyException(.valueError, "cannot reshape array of size \(self.count) into shape \(Value.tuple(dims.map { .int($0) }).repr)")
                }
                return .host(self.floats != nil ? InterimArray(shape: dims, floats: self.floats!) : InterimArray(shape: dims, bytes: self.bytes!))
            })
        case "astype":
            return .builtin(BuiltinFunction("astype") { _, _ in .host(InterimArray(shape: self.shape, floats: self.allFloats)) })
        default: throw attributeError(name)
        }
    }

    func length() throws -> Int { shape.first ?? 0 }

    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        let n = shape.first ?? 0
        let width = shape.dropFirst().reduce(1, *)
        let rows: [Int]
        var keepAxis = true
        switch key {
        case .slice(let s): rows = Array(try s.positions(length: n))
        default:
            guard var i = key.asInt else { throw PyException(.indexError, "unsupported index") }
            if i < 0 { i += n }
            guard i >= 0, i < n else { throw PyException(.indexError, "index out of bounds") }
            rows = [i]
            keepAxis = false
        }
        let newShape = (keepAxis ? [rows.count] : []) + Array(shape.dropFirst())
        if let floats {
            return .host(InterimArray(shape: newShape, floats: rows.flatMap { floats[($0 * width)..<($0 * width + width)] }))
        }
        let b = bytes ?? []
        return .host(InterimArray(shape: newShape, bytes: rows.flatMap { b[($0 * width)..<($0 * width + width)] }))
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        guard !reflected, let d = other.asDouble else { return nil }
        let x = Float(d)
        switch op {
        case .trueDivide: return .host(InterimArray(shape: shape, floats: allFloats.map { $0 / x }))
        case .multiply: return .host(InterimArray(shape: shape, floats: allFloats.map { $0 * x }))
        default: return nil
        }
    }
}

extension Convert {
    /// A reshape target, which may contain one -1.
    static func shapeAllowingMinusOne(_ value: Value) throws -> [Int] {
        switch value {
        case .tuple(let t): return try t.map { try int($0, "shape") }
        case .list(let l): return try l.items.map { try int($0, "shape") }
        default: return [try int(value, "shape")]
        }
    }
}

/// Registers the numpy module: a minimal one until the `numpy` branch's module lands.
enum NumPyBridge {
    static func register(in registry: ModuleRegistry, state: LibraryState) {
        registry.register("numpy") { _ in
            let m = Module("numpy")
            m["float32"] = .str("float32")
            let random = Module("numpy.random")
            random.define("seed") { args, _ in
                state.reseed(try Convert.int(try args.bind("seed", ["seed"])["seed"], "seed"))
                return .none
            }
            m["random"] = .module(random)
            return m
        }
    }
}

/// `dtype('float32')`, for the stand-in array.
final class InterimDType: HostObject {
    let name: String
    init(name: String) { self.name = name }
    var typeName: String { "dtype" }
    var repr: String { "dtype('\(name)')" }
    var str: String { name }
}
