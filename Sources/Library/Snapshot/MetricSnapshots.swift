import CellLanguage
import NeuralEngine

/// A metric object keeps its settings (the engine value's exact JSON and its class name) and
/// the totals `update_state` added up, so a metric driven by hand resumes where it was.
extension MetricObject: SnapshotCodable {
    static var snapshotKind: String { "keras.Metric/2" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(bytes: try ExactJSON.encode(metric, "the \(className) object", same: ==))
        writer.write(className)
        accumulator.write(into: &writer)
    }

    static func restore(from reader: inout SnapshotReader) throws -> MetricObject {
        let metric = try ExactJSON.decode(Metric.self, from: try reader.readBytes(), snapshotKind)
        let object = MetricObject(metric, className: try reader.readString())
        object.accumulator = try MetricAccumulator.read(from: &reader)
        return object
    }
}

/// `Mean` and the loss metrics: class, name, loss and totals.
extension MeanMetricObject: SnapshotCodable {
    static var snapshotKind: String { "keras.MeanMetric/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(className)
        writer.write(name)
        writer.write(loss != nil)
        if let loss { writer.write(bytes: try ExactJSON.encode(loss, "the \(className) object", same: ==)) }
        accumulator.write(into: &writer)
    }

    static func restore(from reader: inout SnapshotReader) throws -> MeanMetricObject {
        let className = try reader.readString(), name = try reader.readString()
        let loss = try reader.readBool() ? try ExactJSON.decode(Loss.self, from: try reader.readBytes(), snapshotKind) : nil
        let object = MeanMetricObject(className: className, name: name, loss: loss)
        object.accumulator = try MetricAccumulator.read(from: &reader)
        return object
    }
}

extension MetricAccumulator {
    func write(into writer: inout SnapshotWriter) {
        writer.write(total)
        writer.write(count)
    }

    static func read(from reader: inout SnapshotReader) throws -> MetricAccumulator {
        MetricAccumulator(total: try reader.readFloat(), count: try reader.readFloat())
    }
}
