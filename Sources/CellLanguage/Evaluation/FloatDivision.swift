/// Floor division and modulo of floats as Python defines them, the algorithm of CPython's
/// `float_divmod` that NumPy's `npy_divmod` also follows, so `x // y` and `x % y` agree
/// between the language and `numpy` arrays: the remainder takes the divisor's sign, and the
/// quotient is `(x - remainder) / y` rounded to the nearest integer, so that
/// `quotient * y + remainder` is `x` as nearly as rounding allows.
///
///     FloatDivision.floorDivmod(-7.0, 2.0)   // (quotient: -4.0, remainder: 1.0)
///
/// The divisor must not be zero: Python raises `ZeroDivisionError` there and NumPy returns
/// inf or nan, so each caller handles it first.
public enum FloatDivision {
    /// `(x // y, x % y)` for a nonzero `y`, computed in `T` (float32 arrays stay float32).
    @inlinable
    public static func floorDivmod<T: BinaryFloatingPoint>(_ x: T, _ y: T) -> (quotient: T, remainder: T) {
        // truncatingRemainder is C's fmod: exact, with the dividend's sign.
        var remainder = x.truncatingRemainder(dividingBy: y)
        var division = (x - remainder) / y
        if remainder != 0 {
            if (y < 0) != (remainder < 0) {
                remainder += y
                division -= 1
            }
        } else {
            remainder = T(signOf: y, magnitudeOf: 0)
        }
        var quotient: T
        if division != 0 {
            quotient = division.rounded(.down)
            if division - quotient > 0.5 { quotient += 1 }
        } else {
            quotient = T(signOf: x / y, magnitudeOf: 0)
        }
        return (quotient, remainder)
    }
}
