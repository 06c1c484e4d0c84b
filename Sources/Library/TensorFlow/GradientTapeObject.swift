import CellLanguage

/// `tf.GradientTape`: while it is entered (`with tf.GradientTape() as tape:`), every
/// differentiable operation on the tensors and variables it watches records itself here with
/// its backward function; `tape.gradient(target, sources)` then runs the records backwards.
///
///     x = tf.Variable(3.0)
///     with tf.GradientTape() as tape:
///         y = x * x
///     tape.gradient(y, x)     # <tf.Tensor: shape=(), dtype=float32, numpy=6.0>
///
/// As in TensorFlow: trainable variables are watched when read (unless
/// `watch_accessed_variables=False`), tensors only after `tape.watch(t)`; a source the target
/// does not depend on gets None; a tape that is not `persistent` gives one set of gradients
/// and then lets its records go. The gradients themselves are not recorded (no gradients of
/// gradients).
final class GradientTapeObject: HostObject {
    let persistent: Bool
    let watchAccessedVariables: Bool
    private let stack: TapeStack
    /// The operations recorded, in the order they ran.
    private(set) var records: [TapeRecord] = []
    /// Between `__enter__` and `__exit__`.
    private(set) var recording = false
    /// A non-persistent tape that has given its gradients.
    var spent = false
    /// Variables watched explicitly (`tape.watch(v)`), and those read while recording, in order.
    private var watchedVariables: [any TapeVariable] = []
    private var explicitlyWatched: Set<ObjectIdentifier> = []

    init(persistent: Bool, watchAccessedVariables: Bool, stack: TapeStack) {
        self.persistent = persistent
        self.watchAccessedVariables = watchAccessedVariables
        self.stack = stack
    }

    var typeName: String { "GradientTape" }
    var repr: String { "<tensorflow.python.eager.backprop.GradientTape object>" }

    // MARK: Recording

    /// Whether reading `variable` records on this tape.
    func watches(_ variable: any TapeVariable) -> Bool {
        recording && ((watchAccessedVariables && variable.trainable) || explicitlyWatched.contains(ObjectIdentifier(variable)))
    }

    func append(_ record: TapeRecord) { records.append(record) }

    /// Notes a variable read under the tape (`watched_variables()`).
    func noteRead(_ variable: any TapeVariable) {
        if !watchedVariables.contains(where: { $0 === variable }) { watchedVariables.append(variable) }
    }

    // MARK: What cells see

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "__enter__":
            return .builtin(BuiltinFunction("__enter__") { _, _ in
                guard !self.recording else {
                    throw PyException(.valueError, "Tape is still recording, This can happen if you try to re-enter an "
                                      + "already-active tape.")
                }
                self.recording = true
                self.stack.push(self)
                return .host(self)
            })
        case "__exit__":
            return .builtin(BuiltinFunction("__exit__") { _, _ in
                self.recording = false
                self.stack.remove(self)
                return .bool(false)
            })
        case "watch":
            return .builtin(BuiltinFunction("watch") { arguments, _ in
                try self.watch(try arguments.bind("watch", ["tensor"])["tensor"])
                return .none
            })
        case "gradient":
            return .builtin(BuiltinFunction("gradient") { arguments, _ in
                let a = try arguments.bind("gradient", ["target", "sources", .init("output_gradients", default: .none),
                                                        .init("unconnected_gradients", default: .str("none"))])
                return try self.gradient(a["target"], a["sources"], seeds: a["output_gradients"],
                                         zeros: Self.zerosForUnconnected(a["unconnected_gradients"]))
            })
        case "watched_variables":
            return .builtin(BuiltinFunction("watched_variables") { arguments, _ in
                try arguments.expectExactly(0, "watched_variables")
                return .tuple(self.watchedVariables.map { .host($0) })
            })
        case "reset":
            return .builtin(BuiltinFunction("reset") { arguments, _ in
                try arguments.expectExactly(0, "reset")
                self.records = []
                self.watchedVariables = []
                self.explicitlyWatched = []
                return .none
            })
        case "persistent": return .bool(persistent)
        default: throw attributeError(name)
        }
    }

    /// `tape.watch(x)`: a tensor, a variable, or a list or tuple of them.
    private func watch(_ value: Value) throws {
        switch value {
        case .list(let l): for item in l.items { try watch(item) }
        case .tuple(let items): for item in items { try watch(item) }
        case .host(let t as EagerTensor):
            if t.dtype.isFloat { t.addWatcher(self) }
        case .host(let v as any TapeVariable):
            explicitlyWatched.insert(ObjectIdentifier(v))
            noteRead(v)
        default:
            throw PyException(.valueError, "Passed in object \(value.repr) of type '\(value.typeName)', not tf.Tensor "
                              + "or tf.Variable or ExtensionType.")
        }
    }

    /// `unconnected_gradients='none'` (None for an unconnected source) or `'zero'` (zeros).
    private static func zerosForUnconnected(_ value: Value) throws -> Bool {
        if case .host(let h) = value, h.str.hasSuffix("ZERO") || h.str.hasSuffix("NONE") { return h.str.hasSuffix("ZERO") }
        guard case .str(let text) = value, text == "none" || text == "zero" else {
            throw PyException(.valueError, "Unknown value for unconnected_gradients: \(value.repr)")
        }
        return text == "zero"
    }

    // MARK: Gradients

    /// `tape.gradient(target, sources)`: the gradients in the structure of `sources` (one
    /// source, a list, a tuple, a dict, nested).
    private func gradient(_ target: Value, _ sources: Value, seeds: Value, zeros: Bool) throws -> Value {
        guard !spent else {
            throw PyException(.runtimeError, "A non-persistent GradientTape can only be used to compute one set of "
                              + "gradients (or jacobians)")
        }
        let targets = try Self.flatten(target, "target")
        let seedValues = seeds.isNone ? nil : try Self.flatten(seeds, "output_gradients")
        var gradients = TapeGradients()
        for (i, t) in targets.enumerated() {
            let array = try TensorConversion.array(t)
            let seed = try seedValues.map { try TensorConversion.array($0[i], dtype: array.dtype) }
                ?? NDArray(shape: array.shape, storage: ArrayStorage.float64(Array(repeating: 1, count: array.size))
                    .converted(to: array.dtype))
            guard case .host(let object) = t else { continue }
            try gradients.add(seed, to: ObjectIdentifier(object))
        }
        for record in records.reversed() {
            guard let g = gradients[record.output] else { continue }
            let inputs = try record.backward(g, record.inputs.map { $0 != nil })
            for (key, gradient) in zip(record.inputs, inputs) {
                guard let key, let gradient else { continue }
                try gradients.add(gradient, to: key)
            }
        }
        if !persistent {
            spent = true
            records = []
        }
        return try structure(sources) { object in
            let value = try TensorConversion.array(.host(object))
            if let g = gradients[ObjectIdentifier(object)] { return .host(EagerTensor(g.astype(value.dtype))) }
            guard zeros else { return .none }
            return .host(EagerTensor(NDArray(shape: value.shape, storage: ArrayStorage.float64(
                Array(repeating: 0, count: value.size)).converted(to: value.dtype))))
        }
    }

    /// `sources` with each tensor or variable replaced by `leaf(it)`.
    private func structure(_ sources: Value, _ leaf: (any HostObject) throws -> Value) throws -> Value {
        switch sources {
        case .list(let l): return .list(PyList(try l.items.map { try structure($0, leaf) }))
        case .tuple(let items): return .tuple(try items.map { try structure($0, leaf) })
        case .dict(let d):
            let result = PyDict()
            for (key, value) in d.entries { try result.set(key, try structure(value, leaf)) }
            return .dict(result)
        case .host(let t as EagerTensor): return try leaf(t)
        case .host(let v as any TapeVariable): return try leaf(v)
        default:
            throw PyException(.valueError, "Sources must be tf.Tensor or tf.Variable objects (or lists, tuples or dicts "
                              + "of them), got \(sources.repr) of type '\(sources.typeName)'")
        }
    }

    /// A target (or `output_gradients`): one tensor, or a list or tuple of them.
    private static func flatten(_ value: Value, _ what: String) throws -> [Value] {
        switch value {
        case .list(let l): return try l.items.flatMap { try flatten($0, what) }
        case .tuple(let items): return try items.flatMap { try flatten($0, what) }
        default: return [value]
        }
    }
}

/// The gradients found so far, summed where a tensor feeds several operations.
private struct TapeGradients {
    private var values: [ObjectIdentifier: NDArray] = [:]

    subscript(key: ObjectIdentifier) -> NDArray? { values[key] }

    mutating func add(_ gradient: NDArray, to key: ObjectIdentifier) throws {
        if let known = values[key] {
            values[key] = try Arithmetic.binary(.add, known, gradient)
        } else {
            values[key] = gradient
        }
    }
}
