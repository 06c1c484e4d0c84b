/// What can be wrong with a plotting call. Messages follow matplotlib's and NumPy's wording
/// so that the language binding can raise them as `ValueError` unchanged.
public enum ChartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `plot(x, y)` with arrays of different lengths.
    case lengthMismatch(x: Int, y: Int)
    /// A colour string matplotlib would not understand.
    case unknownColor(String)
    /// A `plot` format string such as `"r--"` with an unknown part.
    case invalidFormat(String)
    /// A line style other than `-`, `--`, `:`, `-.`, `None`.
    case unknownLineStyle(String)
    /// A marker other than the supported ones.
    case unknownMarker(String)
    /// A colormap name Labbook does not know (see `Colormap.names`).
    case unknownColormap(String)
    /// `hist(..., bins: n)` with `n < 1`.
    case invalidBins(Int)
    /// `hist(..., range: (a, b))` with `a > b` or a non-finite end.
    case invalidRange(Double, Double)
    /// An image with no pixels or rows of different lengths.
    case invalidImage(String)
    /// `subplot(rows, columns, index)` out of range.
    case invalidSubplot(rows: Int, columns: Int, index: Int)
    /// A legend location matplotlib does not know.
    case unknownLegendLocation(String)
    /// `xticks(positions, labels)` with different counts.
    case tickLabelMismatch(positions: Int, labels: Int)

    public var description: String {
        switch self {
        case .lengthMismatch(let x, let y):
            return "x and y must have same first dimension, but have shapes (\(x),) and (\(y),)"
        case .unknownColor(let c): return "'\(c)' is not a valid color value."
        case .invalidFormat(let f): return "'\(f)' is not a valid format string"
        case .unknownLineStyle(let s):
            return "'\(s)' is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', ''"
        case .unknownMarker(let m): return "Unrecognized marker style '\(m)'"
        case .unknownColormap(let c):
            let names = Colormap.names.flatMap { ["'\($0)'", "'\($0)_r'"] }.joined(separator: ", ")
            return "'\(c)' is not a valid value for cmap; supported values are \(names)"
        case .invalidBins(let n): return "`bins` must be positive, when an integer (got \(n))"
        case .invalidRange(let a, let b):
            return "max must be larger than min in range parameter. (got \(a), \(b))"
        case .invalidImage(let why): return "Invalid shape for image data: \(why)"
        case .invalidSubplot(let r, let c, let i):
            return "num must be an integer with 1 <= num <= \(r * c), not \(i)"
        case .unknownLegendLocation(let l): return "'\(l)' is not a valid value for loc"
        case .tickLabelMismatch(let p, let l):
            return "The number of FixedLocator locations (\(p)), usually from a call to set_ticks, does not match the number of labels (\(l))."
        }
    }
}
