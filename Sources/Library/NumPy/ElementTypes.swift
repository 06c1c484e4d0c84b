import CellLanguage
import Foundation

/// float32 and float64 with the libm functions NumPy's ufuncs use.
protocol NumPyFloat: BinaryFloatingPoint {
    static func power(_ a: Self, _ b: Self) -> Self
    static func remainder(_ a: Self, _ b: Self) -> Self
    static func exponential(_ a: Self) -> Self
    static func logarithm(_ a: Self) -> Self
    init(_ d: Double)
}

extension Float: NumPyFloat {
    static func power(_ a: Float, _ b: Float) -> Float { powf(a, b) }
    static func remainder(_ a: Float, _ b: Float) -> Float { fmodf(a, b) }
    static func exponential(_ a: Float) -> Float { expf(a) }
    static func logarithm(_ a: Float) -> Float { logf(a) }
}

extension Double: NumPyFloat {
    static func power(_ a: Double, _ b: Double) -> Double { pow(a, b) }
    static func remainder(_ a: Double, _ b: Double) -> Double { fmod(a, b) }
    static func exponential(_ a: Double) -> Double { exp(a) }
    static func logarithm(_ a: Double) -> Double { log(a) }
}

enum FloatMath {
    /// NumPy's `npy_divmod`: Python's floor division and modulo for floats, in `T`.
    static func divmod<T: NumPyFloat>(_ a: T, _ b: T) -> (quotient: T, modulus: T) {
        // A zero divisor gives inf or nan (NumPy warns) where Python would raise.
        if b == 0 { return (a / b, T.remainder(a, b)) }
        let (quotient, remainder) = FloatDivision.floorDivmod(a, b)
        return (quotient, remainder)
    }
}

enum IntegerMath {
    /// Python's floor division; NumPy gives 0 for a zero divisor (with a warning).
    static func floorDivide<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
        if b == 0 { return 0 }
        if T.isSigned && a == T.min && b == -1 { return a }
        let q = a / b
        if (a % b != 0) && ((a < 0) != (b < 0)) { return q - 1 }
        return q
    }

    /// Python's modulo (sign of the divisor); NumPy gives 0 for a zero divisor.
    static func modulo<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
        if b == 0 { return 0 }
        if T.isSigned && b == -1 { return 0 }
        let r = a % b
        if r != 0 && ((r < 0) != (b < 0)) { return r + b }
        return r
    }

    /// Wrapping integer power by squaring.
    static func power<T: FixedWidthInteger>(_ base: T, _ exponent: T) -> T {
        var result: T = 1
        var b = base
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result &* b }
            b = b &* b
            e >>= 1
        }
        return result
    }
}
