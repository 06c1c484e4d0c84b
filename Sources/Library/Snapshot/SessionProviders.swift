import CellLanguage
import Foundation
import NeuralEngine

/// The session's seeded generator (`np.random`, weight initialisation, shuffling, dropout):
/// its exact state, so a resumed run draws the very numbers a run from scratch draws.
final class GeneratorState: SessionStateProvider {
    let context: NumPyContext

    init(_ context: NumPyContext) { self.context = context }

    var stateName: String { "numpy.random" }

    func snapshotState(into writer: inout SnapshotWriter) throws {
        writer.write(bytes: try ExactJSON.encode(context.generator, "the random generator"))
    }

    func restoreState(from reader: inout SnapshotReader) throws {
        context.generator = try ExactJSON.decode(RandomGenerator.self, from: try reader.readBytes(), "the random generator")
    }
}

/// Keras' per-prefix name counters (`dense_7` is followed by `dense_8` after a resume,
/// `sequential_2` by `sequential_3`).
final class LayerNameState: SessionStateProvider {
    let state: LibraryState

    init(_ state: LibraryState) { self.state = state }

    var stateName: String { "keras.layer_names" }

    func snapshotState(into writer: inout SnapshotWriter) throws {
        let counts = state.layerNames.counts.sorted { $0.key < $1.key }
        writer.write(counts.count)
        for (prefix, count) in counts {
            writer.write(prefix)
            writer.write(count)
        }
    }

    func restoreState(from reader: inout SnapshotReader) throws {
        var counts: [String: Int] = [:]
        for _ in 0..<(try reader.readInt()) {
            let prefix = try reader.readString()
            counts[prefix] = try reader.readInt()
        }
        state.layerNames = LayerNames(counts: counts)
    }
}

/// `matplotlib.rcParams` (figure size and dpi of later figures), put back into the module's
/// own dict so `plt.rcParams` stays that dict.
final class PlotParameterState: SessionStateProvider {
    let parameters: PyDict

    init(_ parameters: PyDict) { self.parameters = parameters }

    var stateName: String { "matplotlib.rcParams" }

    func snapshotState(into writer: inout SnapshotWriter) throws {
        try writer.write(value: .dict(parameters))
    }

    func restoreState(from reader: inout SnapshotReader) throws {
        guard case .dict(let saved) = try reader.readValue() else { throw SnapshotError.malformed("rcParams") }
        guard saved !== parameters else { return }
        let entries = saved.entries
        parameters.removeAll()
        for (key, value) in entries { try parameters.set(key, value) }
    }
}
