import Foundation

/// Elementwise functions (`np.exp`, `np.log`, `np.sqrt`, `np.abs`, `np.round`, ...):
/// integer and bool inputs give float64, float32 stays float32.
enum MathFunctions {
    enum Function: String, CaseIterable {
        case exp, log, sqrt, abs, square, sign, floor, ceil, tanh, sin, cos, log10, log2, log1p, expm1
    }

    static func apply(_ f: Function, _ a: NDArray) throws -> NDArray {
        switch f {
        case .abs:
            switch a.storage {
            case .bool, .uint8, .uint64: return a
            case .int32(let v): return NDArray(shape: a.shape, storage: .int32(v.map { $0 == .min ? $0 : Swift.abs($0) }))
            case .int64(let v): return NDArray(shape: a.shape, storage: .int64(v.map { $0 == .min ? $0 : Swift.abs($0) }))
            case .float32(let v): return NDArray(shape: a.shape, storage: .float32(v.map { Swift.abs($0) }))
            case .float64(let v): return NDArray(shape: a.shape, storage: .float64(v.map { Swift.abs($0) }))
            }
        case .square:
            return try Arithmetic.binary(.multiply, a, a)
        case .sign:
            switch a.storage {
            case .float32(let v): return NDArray(shape: a.shape, storage: .float32(v.map { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 }))
            case .float64(let v): return NDArray(shape: a.shape, storage: .float64(v.map { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 }))
            default:
                let v = a.storage.asInt64().map { Int64($0.signum()) }
                return NDArray(shape: a.shape, storage: ArrayStorage.int64(v).converted(to: a.dtype == .bool ? .int64 : a.dtype))
            }
        case .floor, .ceil:
            if !a.dtype.isFloat { return a.dtype == .bool ? a.astype(.int64) : a }
        default: break
        }
        switch a.storage {
        case .float32(let v):
            return NDArray(shape: a.shape, storage: .float32(v.map { Float(single(f, $0)) }))
        case .float64(let v):
            return NDArray(shape: a.shape, storage: .float64(v.map { double(f, $0) }))
        default:
            return NDArray(shape: a.shape, storage: .float64(a.storage.asFloat64().map { double(f, $0) }))
        }
    }

    private static func single(_ f: Function, _ x: Float) -> Float {
        switch f {
        case .exp: return expf(x)
        case .log: return logf(x)
        case .sqrt: return x.squareRoot()
        case .floor: return x.rounded(.down)
        case .ceil: return x.rounded(.up)
        case .tanh: return tanhf(x)
        case .sin: return sinf(x)
        case .cos: return cosf(x)
        case .log10: return log10f(x)
        case .log2: return log2f(x)
        case .log1p: return log1pf(x)
        case .expm1: return expm1f(x)
        case .abs, .square, .sign: return x
        }
    }

    private static func double(_ f: Function, _ x: Double) -> Double {
        switch f {
        case .exp: return Foundation.exp(x)
        case .log: return Foundation.log(x)
        case .sqrt: return x.squareRoot()
        case .floor: return x.rounded(.down)
        case .ceil: return x.rounded(.up)
        case .tanh: return Foundation.tanh(x)
        case .sin: return Foundation.sin(x)
        case .cos: return Foundation.cos(x)
        case .log10: return Foundation.log10(x)
        case .log2: return Foundation.log2(x)
        case .log1p: return Foundation.log1p(x)
        case .expm1: return Foundation.expm1(x)
        case .abs, .square, .sign: return x
        }
    }

    /// `np.round(a, decimals)`: half to even; positive decimals scale by 10^d, round, unscale
    /// (as NumPy does, so `np.round(2.675, 2)` is 2.67 or 2.68 exactly as there).
    static func round(_ a: NDArray, decimals: Int) -> NDArray {
        func r<T: NumPyFloat>(_ x: T) -> T {
            if decimals == 0 { return x.rounded(.toNearestOrEven) }
            if decimals > 0 {
                let scale = T(Foundation.pow(10.0, Double(decimals)))
                return (x * scale).rounded(.toNearestOrEven) / scale
            }
            let scale = T(Foundation.pow(10.0, Double(-decimals)))
            return (x / scale).rounded(.toNearestOrEven) * scale
        }
        switch a.storage {
        case .float32(let v): return NDArray(shape: a.shape, storage: .float32(v.map(r)))
        case .float64(let v): return NDArray(shape: a.shape, storage: .float64(v.map(r)))
        default:
            if decimals >= 0 { return a }
            let scaled = a.storage.asFloat64().map(r)
            return NDArray(shape: a.shape, storage: ArrayStorage.float64(scaled).converted(to: a.dtype))
        }
    }
}
