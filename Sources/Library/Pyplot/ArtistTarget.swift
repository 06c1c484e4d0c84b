import CellLanguage
import Charts

/// What a live plot handle points at in its axes: a line, the bars of one `bar`/`hist`
/// call, one bar, or an image. Artists are found by their index in the axes' drawing order;
/// after `cla()`/`clf()` the index no longer names the same thing and calls raise.
enum ArtistTarget {
    /// Bar `bar` of the `BarSeries` at `artist`.
    struct BarReference { var artist: Int, bar: Int }

    case line(AxesObject, artist: Int)
    case bars(AxesObject, [BarReference])
    case bar(AxesObject, BarReference)
    case image(AxesObject, artist: Int)
    /// A scatter coloured through a colormap (what a colorbar needs of it).
    case scalarMap(AxesObject, Colormap, Double, Double)
    case colorbar(AxesObject)

    /// The line drawn, or a RuntimeError when it was removed.
    static func lineSeries(_ ax: AxesObject, _ index: Int) throws -> LineSeries {
        guard case .line(let line)? = try ax.read({ $0.artists.indices.contains(index) ? $0.artists[index] : nil }) else {
            throw removed("Line2D")
        }
        return line
    }

    static func rectangle(_ ax: AxesObject, _ reference: BarReference) throws -> (BarSeries, BarSeries.Bar) {
        let artist = try ax.read { $0.artists.indices.contains(reference.artist) ? $0.artists[reference.artist] : nil }
        guard case .bars(let series)? = artist, series.bars.indices.contains(reference.bar) else { throw removed("Rectangle") }
        return (series, series.bars[reference.bar])
    }

    static func imageData(_ ax: AxesObject, _ index: Int) throws -> ImageData {
        guard case .image(let image)? = try ax.read({ $0.artists.indices.contains(index) ? $0.artists[index] : nil }) else {
            throw removed("AxesImage")
        }
        return image
    }

    static func removed(_ kind: String) -> PyException {
        PyException(.runtimeError, "this \(kind) is no longer in its axes (cleared by cla() or clf()); draw it again")
    }
}
