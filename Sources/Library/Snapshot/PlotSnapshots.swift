import CellLanguage
import Charts

/// A colormap kept in a global (`cmap = plt.cm.Blues`) is its name.
extension ColormapObject: SnapshotCodable {
    static var snapshotKind: String { "pyplot.colormap/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(colormap.name)
    }

    static func restore(from reader: inout SnapshotReader) throws -> ColormapObject {
        let name = try reader.readString()
        guard let colormap = try? Colormap(name: name) else { throw SnapshotError.malformed("unknown colormap \(name)") }
        return ColormapObject(colormap)
    }
}
