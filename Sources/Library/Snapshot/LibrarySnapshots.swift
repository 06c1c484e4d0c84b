import CellLanguage
import Foundation
import NeuralEngine

/// Makes the library's objects and session state cacheable: registers every host object
/// kind a cell can keep in a global (arrays, scalars, dtypes, models, layers, optimizers,
/// histories, callbacks, losses, plot handles, TensorFlow tensors, variables, shapes and dtypes) and the session-state providers (the seeded
/// generator, Keras' name counters).
///
///     let registry = ModuleRegistry()
///     LibrarySnapshots.register(in: registry, state: state)
///
/// Not cacheable, by design: matplotlib `Figure`, `Axes` and arrays of axes. Their drawing
/// state lives in Charts values that have no exact serialised form; a global holding one
/// stops the cache after its cell (`fig, ax = plt.subplots()` at the top level), with a note
/// naming the global. Drawing in a function, or `del fig, ax` at the end of the cell, keeps
/// the rest of the notebook cached.
enum LibrarySnapshots {
    static func register(in registry: ModuleRegistry, state: LibraryState) {
        let snapshotting = registry.snapshotting
        snapshotting.register(NDArray.self)
        snapshotting.register(ArrayBuffer.self)
        snapshotting.register(NumPyScalar.self)
        snapshotting.register(DTypeObject.self)
        snapshotting.register(ScalarTypeObject.self)
        snapshotting.register(SequentialObject.self)
        snapshotting.register(LayerObject.self)
        snapshotting.register(InputObject.self)
        snapshotting.register(KerasTensorObject.self)
        snapshotting.register(MergeObject.self)
        snapshotting.register(ModelObject.self)
        snapshotting.register(SubclassedModel.self)
        snapshotting.register(EagerModel.self)
        snapshotting.register(OptimizerObject.self)
        snapshotting.register(LearningRateVariable.self)
        snapshotting.register(HistoryObject.self)
        snapshotting.register(EarlyStoppingObject.self)
        snapshotting.register(LossObject.self)
        snapshotting.register(MetricObject.self)
        snapshotting.register(MeanMetricObject.self)
        snapshotting.register(DatasetObject.self)
        snapshotting.register(ScheduleObject.self)
        snapshotting.register(RegularizerObject.self)
        snapshotting.register(CallbackObject.self)
        snapshotting.register(PlotHandle.self)
        snapshotting.register(ColormapObject.self)
        snapshotting.register(EagerTensor.self)
        snapshotting.register(VariableObject.self)
        snapshotting.register(FreeVariable.self)
        snapshotting.register(GradientTapeObject.self)
        snapshotting.register(TensorShapeObject.self)
        snapshotting.register(TFDType.self)
        snapshotting.register(provider: GeneratorState(state.numpy))
        snapshotting.register(provider: LayerNameState(state))
    }
}

/// The session's `LibraryState`, kept as a hidden attribute of the `keras` module so that
/// restored models find the session they now belong to (its generator and settings).
final class LibraryStateHandle: HostObject {
    static let attribute = "_labbook_state"
    let state: LibraryState

    init(_ state: LibraryState) { self.state = state }

    var typeName: String { "LibraryState" }
    var repr: String { "<labbook library state>" }

    /// The library state of the session `interpreter` runs.
    static func state(of interpreter: Interpreter) throws -> LibraryState {
        guard case .host(let host as LibraryStateHandle)? = try interpreter.importModule("keras")[attribute] else {
            throw SnapshotError.malformed("the keras module has no session state")
        }
        return host.state
    }
}

/// Small `Codable` engine values (layer specs, optimizer configs, histories) as JSON, checked
/// to read back exactly: a value whose JSON would not restore bit for bit cannot be saved.
enum ExactJSON {
    static func encode<T: Codable>(_ value: T, _ what: String, same: (T, T) -> Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(value)
        guard let back = try? decode(T.self, from: data, what), same(back, value) else {
            throw SnapshotError.unsupported("\(what) does not survive its saved form exactly")
        }
        return data
    }

    static func encode<T: Codable & Equatable>(_ value: T, _ what: String) throws -> Data {
        try encode(value, what, same: ==)
    }

    static func decode<T: Codable>(_ type: T.Type, from data: Data, _ what: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw SnapshotError.malformed("\(what): \(error)")
        }
    }
}

extension SnapshotWriter {
    /// `nil` or a list of ints.
    mutating func write(optionalInts ints: [Int]?) {
        write(ints != nil)
        write(ints: ints ?? [])
    }
}

extension SnapshotReader {
    mutating func readOptionalInts() throws -> [Int]? {
        let present = try readBool()
        let ints = try readInts()
        return present ? ints : nil
    }

    /// A value written with `write(value: .host(object))`, as a `T`.
    mutating func readHost<T>(_: T.Type, _ what: String) throws -> T {
        guard case .host(let host) = try readValue(), let object = host as? T else {
            throw SnapshotError.malformed("expected \(what)")
        }
        return object
    }

    /// Like `readHost`, for an object complete once made (an array), without filling the
    /// containers still waiting first: a variable held both in a list and in an attribute (a
    /// `Metric`'s `add_weight`) is restored while that list waits, and filling it then would
    /// meet the variable again, half made.
    mutating func readCompleteHost<T>(_: T.Type, _ what: String) throws -> T {
        guard case .host(let host) = try readValueReference(), let object = host as? T else {
            throw SnapshotError.malformed("expected \(what)")
        }
        return object
    }

    /// Like `readHost`, or nil for a saved `None`.
    mutating func readOptionalHost<T>(_: T.Type, _ what: String) throws -> T? {
        let value = try readValue()
        if case .none = value { return nil }
        guard case .host(let host) = value, let object = host as? T else {
            throw SnapshotError.malformed("expected \(what)")
        }
        return object
    }
}
