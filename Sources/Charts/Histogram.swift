/// Bin counts with NumPy's `histogram` semantics for an integer `bins`: `bins` equal-width
/// bins over `[min, max]` (or the given range), every bin half-open except the last, which
/// is closed; values outside the range are not counted.
///
///     let h = try Histogram(values: [1, 2, 2, 3, 4], bins: 3)
///     h.edges    // [1, 2, 3, 4]
///     h.counts   // [1, 2, 2]
public struct Histogram: Equatable, Sendable {
    /// `bins + 1` ascending edges.
    public let edges: [Double]
    /// One count per bin (a density when `density` was requested).
    public let counts: [Double]

    /// - Parameters:
    ///   - values: the data; NaN and infinite values are ignored (matplotlib drops NaN too).
    ///   - range: lower and upper edge; default the data's minimum and maximum.
    ///   - density: divide counts by `total × bin width` so that the bars integrate to 1.
    public init(values: [Double], bins: Int = 10, range: (Double, Double)? = nil,
                density: Bool = false) throws {
        guard bins >= 1 else { throw ChartError.invalidBins(bins) }
        let data = values.filter(\.isFinite)
        var first: Double, last: Double
        if let (lo, hi) = range {
            guard lo.isFinite, hi.isFinite, lo <= hi else { throw ChartError.invalidRange(lo, hi) }
            first = lo; last = hi
        } else if let lo = data.min(), let hi = data.max() {
            first = lo; last = hi
        } else {
            first = 0; last = 1
        }
        if first == last { first -= 0.5; last += 0.5 }

        // np.linspace: start + i * step, with the last edge set to stop exactly.
        let step = (last - first) / Double(bins)
        var edges = (0...bins).map { first + Double($0) * step }
        edges[bins] = last

        var counts = [Double](repeating: 0, count: bins)
        let denominator = last - first
        for x in data where x >= first && x <= last {
            // NumPy's fast path: scale to a bin index, then correct by comparing with edges.
            var index = Int(((x - first) / denominator * Double(bins)).rounded(.down))
            if index >= bins { index = bins - 1 }
            if x < edges[index] { index -= 1 }
            if index < bins - 1 && x >= edges[index + 1] { index += 1 }
            counts[index] += 1
        }
        if density {
            let total = counts.reduce(0, +)
            if total > 0 {
                for i in 0..<bins { counts[i] /= total * (edges[i + 1] - edges[i]) }
            }
        }
        self.edges = edges
        self.counts = counts
    }
}
