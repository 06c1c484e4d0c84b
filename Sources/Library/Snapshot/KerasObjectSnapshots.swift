import CellLanguage
import Foundation
import NeuralEngine

/// A History keeps its dicts and lists (by reference: changes a cell made to them persist)
/// and its model. The model refers to its last History and restores that link itself; an
/// older History refers to its model directly (no cycle between the two either way).
extension HistoryObject: SnapshotCodable {
    static var snapshotKind: String { "keras.History/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: .dict(historyDict))
        try writer.write(value: .list(epochList))
        try writer.write(value: .dict(paramsDict))
        let linkedByModel = model?.lastHistory === self
        try writer.write(value: linkedByModel ? .none : model.map { .host($0) } ?? .none)
    }

    static func restore(from reader: inout SnapshotReader) throws -> HistoryObject {
        // References, filled before the restore ends: a History is often in a container still
        // waiting to be filled (the globals), which filling now would meet half made.
        guard case .dict(let history) = try reader.readValueReference(), case .list(let epoch) = try reader.readValueReference(),
              case .dict(let params) = try reader.readValueReference() else { throw SnapshotError.malformed("History") }
        let model: SequentialObject?
        switch try reader.readValueReference() {
        case .none: model = nil
        case .host(let object as SequentialObject): model = object
        default: throw SnapshotError.malformed("expected a model")
        }
        return HistoryObject(history: history, epoch: epoch, params: params, model: model)
    }
}

/// EarlyStopping keeps its settings and `stopped_epoch` (the rest of its state starts over
/// with every `fit`).
extension EarlyStoppingObject: SnapshotCodable {
    static var snapshotKind: String { "keras.EarlyStopping/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(callback.monitor)
        writer.write(abs(callback.minDelta))
        writer.write(callback.patience)
        writer.write(callback.verbose)
        writer.write(callback.mode.rawValue)
        writer.write(callback.baseline != nil)
        writer.write(callback.baseline ?? 0)
        writer.write(callback.restoreBestWeights)
        writer.write(stoppedEpoch)
    }

    static func restore(from reader: inout SnapshotReader) throws -> EarlyStoppingObject {
        let monitor = try reader.readString(), minDelta = try reader.readDouble()
        let patience = try reader.readInt(), verbose = try reader.readInt()
        guard let mode = EarlyStopping.Mode(rawValue: try reader.readString()) else {
            throw SnapshotError.malformed("EarlyStopping mode")
        }
        let hasBaseline = try reader.readBool(), baseline = try reader.readDouble()
        let restoreBest = try reader.readBool()
        let object = EarlyStoppingObject(EarlyStopping(
            monitor: monitor, minDelta: minDelta, patience: patience, verbose: verbose, mode: mode,
            baseline: hasBaseline ? baseline : nil, restoreBestWeights: restoreBest))
        let stopped = try reader.readInt()
        if stopped != object.callback.stoppedEpoch { object.restoredStoppedEpoch = stopped }
        return object
    }
}

/// A host object that is one `Codable` engine value and the Keras class name it was made
/// as (a loss, a metric, a regularizer): saved as the value's exact JSON and the name.
protocol NamedEngineValueObject: SnapshotCodable {
    associatedtype EngineValue: Codable & Equatable
    var engineValue: EngineValue { get }
    var className: String { get }
    init(_ value: EngineValue, className: String)
}

extension NamedEngineValueObject {
    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(bytes: try ExactJSON.encode(engineValue, "the \(className) object"))
        writer.write(className)
    }

    static func restore(from reader: inout SnapshotReader) throws -> Self {
        let value = try ExactJSON.decode(EngineValue.self, from: try reader.readBytes(), snapshotKind)
        return Self(value, className: try reader.readString())
    }
}

extension LossObject: NamedEngineValueObject {
    static var snapshotKind: String { "keras.Loss/2" }
    var engineValue: Loss { loss }
}

extension RegularizerObject: NamedEngineValueObject {
    static var snapshotKind: String { "keras.Regularizer/1" }
    var engineValue: Regularizer { regularizer }
}

extension InputObject: SnapshotCodable {
    static var snapshotKind: String { "keras.Input/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(ints: shape)
        writer.write(name)
    }

    static func restore(from reader: inout SnapshotReader) throws -> InputObject {
        InputObject(shape: try reader.readInts(), name: try reader.readString())
    }
}

/// What plotting calls return (`Line2D`, `Text`, ...) is only a name and a repr.
extension PlotHandle: SnapshotCodable {
    static var snapshotKind: String { "pyplot.handle/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(typeName)
        writer.write(repr)
    }

    static func restore(from reader: inout SnapshotReader) throws -> PlotHandle {
        PlotHandle(typeName: try reader.readString(), repr: try reader.readString())
    }
}
