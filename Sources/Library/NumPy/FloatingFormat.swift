/// NumPy's `FloatingFormat` with its default print options (`precision=8`,
/// `floatmode='maxprec'`, `suppress=False`, `sign='-'`): every element of an array is
/// printed with a common layout chosen from the elements that are shown.
///
/// Positional (`[0.5 , 2.25]`, whole numbers as `2.`) unless a nonzero magnitude reaches
/// 1e8 (1e6 for float32), is below 1e-4, or the largest is over 1000 times the smallest;
/// then scientific with a common number of fraction digits (`[1.0e-05, 2.5e+00]`).
struct FloatingFormat {
    private let single: Bool
    private let exponential: Bool
    private var padLeft = 0
    private var padRight = 0
    private var precision = 8
    private var exponentSize = 2

    /// The layout for `values` (the shown elements; float32 values when `single`).
    init(_ values: [Double], single: Bool) {
        self.single = single
        let finite = values.filter { $0.isFinite }
        let magnitudes = finite.filter { $0 != 0 }.map { abs($0) }
        var exponential = false
        if let maxValue = magnitudes.max(), let minValue = magnitudes.min() {
            let cutoff = single ? 1e6 : 1e8
            // The ratio is computed in the array's dtype, as NumPy does.
            let ratio = single ? Double(Float(maxValue) / Float(minValue)) : maxValue / minValue
            exponential = maxValue >= cutoff || minValue < 0.0001 || ratio > 1000
        }
        self.exponential = exponential
        if finite.isEmpty {
            padLeft = 0
            padRight = 0
        } else if exponential {
            let parts = finite.map { FloatingFormat.scientificDigits($0, single: single).scientificParts }
            exponentSize = max(2, parts.map { String(abs($0.exponent)).count }.max() ?? 2)
            precision = parts.map { $0.fraction.count }.max() ?? 0
            padLeft = parts.map { $0.integer.count }.max() ?? 1
            padRight = exponentSize + 2 + precision
        } else {
            let parts = finite.map { FloatingFormat.positionalDigits($0, single: single).positionalParts }
            padLeft = parts.map { $0.integer.count }.max() ?? 1
            padRight = parts.map { $0.fraction.count }.max() ?? 0
        }
        if finite.count != values.count {
            let negativeInfinity = values.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = max(padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
        }
    }

    /// Unique digits with at most 8 fraction digits (Dragon4 `unique=True, precision=8`).
    static func positionalDigits(_ x: Double, single: Bool) -> FloatDigits {
        let shortest = FloatDigits.shortest(x, single: single)
        if shortest.fractionCount <= 8 { return shortest }
        return FloatDigits.rounded(x, fraction: 8)
    }

    /// Unique digits with at most 8 digits after the first.
    static func scientificDigits(_ x: Double, single: Bool) -> FloatDigits {
        let shortest = FloatDigits.shortest(x, single: single)
        if shortest.digits.count <= 9 { return shortest }
        return FloatDigits.rounded(x, significant: 9)
    }

    /// One element, padded to the common layout.
    func format(_ x: Double) -> String {
        if !x.isFinite {
            let text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
            return String(repeating: " ", count: max(padLeft + padRight + 1 - text.count, 0)) + text
        }
        if exponential {
            var digits = FloatingFormat.scientificDigits(x, single: single)
            if digits.digits.count < precision + 1 {
                // More digits than the unique ones: continue with the exact value's digits.
                digits = FloatDigits.rounded(x, significant: precision + 1)
            }
            let (integer, fraction, exponent) = digits.scientificParts
            let paddedFraction = fraction + String(repeating: "0", count: max(precision - fraction.count, 0))
            return leftPad(integer, padLeft) + "." + paddedFraction + exponentString(exponent, digits: exponentSize)
        }
        let (integer, fraction) = FloatingFormat.positionalDigits(x, single: single).positionalParts
        return leftPad(integer, padLeft) + "." + fraction
            + String(repeating: " ", count: max(padRight - fraction.count, 0))
    }

    private func leftPad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(width - s.count, 0)) + s
    }
}
