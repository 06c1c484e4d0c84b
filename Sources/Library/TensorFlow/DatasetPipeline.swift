import CellLanguage
import NeuralEngine

/// One pass over a dataset: each stage pulls from the one before it. Until a `map` needs
/// values, elements travel as row numbers of the source arrays (a batch as a list of them),
/// so shuffling and batching MNIST moves integers and each batch is gathered once.
struct DatasetPipeline {
    enum Item {
        case row(Int)
        case rows([Int])
        case value(Value)
    }

    typealias Next = () throws -> Item?

    let dataset: DatasetObject
    let pass: Int
    let interpreter: Interpreter

    /// The pass's elements as cells see them: tf.Tensors, in a tuple or a dict as the
    /// source held them; nil at the end.
    func elements() -> () throws -> Value? {
        let next = stage(dataset.stages.count, pass: pass)
        let source = dataset.source
        return {
            guard let item = try next() else { return nil }
            return try Self.materialize(item, source)
        }
    }

    static func materialize(_ item: Item, _ source: DatasetSource) throws -> Value {
        switch item {
        case let .row(i): return try source.value(rows: [i], single: true)
        case let .rows(rows): return try source.value(rows: rows, single: false)
        case let .value(v): return v
        }
    }

    /// The iterator of the first `count` stages.
    private func stage(_ count: Int, pass: Int) -> Next {
        guard count > 0 else {
            var i = 0
            let n = dataset.source.count
            return {
                guard i < n else { return nil }
                i += 1
                return .row(i - 1)
            }
        }
        let upstream = stage(count - 1, pass: pass)
        let source = dataset.source
        switch dataset.stages[count - 1] {
        case let .shuffle(size, seed, reshuffle):
            var rng = RandomGenerator(seed: seed &+ (reshuffle ? UInt64(pass) &* 0x9E37_79B9_7F4A_7C15 : 0))
            var buffer: [Item] = []
            var drained = false
            return {
                while !drained, buffer.count < size {
                    guard let item = try upstream() else { drained = true; break }
                    buffer.append(item)
                }
                guard !buffer.isEmpty else { return nil }
                let j = rng.nextInt(below: buffer.count)
                let out = buffer[j]
                if !drained, let item = try upstream() {
                    buffer[j] = item
                } else {
                    drained = true
                    buffer.swapAt(j, buffer.count - 1)
                    buffer.removeLast()
                }
                return out
            }
        case let .batch(size, drop):
            return {
                var items: [Item] = []
                while items.count < size, let item = try upstream() { items.append(item) }
                guard !items.isEmpty, !(drop && items.count < size) else { return nil }
                let rows = items.compactMap { if case let .row(i) = $0 { i } else { nil } }
                if rows.count == items.count { return .rows(rows) }
                return .value(try Self.stack(try items.map { try Self.materialize($0, source) }))
            }
        case let .map(function):
            let interpreter = self.interpreter
            return {
                guard let item = try upstream() else { return nil }
                let element = try Self.materialize(item, source)
                // TensorFlow passes a tuple's components as separate arguments.
                if case .tuple(let parts) = element { return .value(try interpreter.call(function, Arguments(parts))) }
                return .value(try interpreter.call(function, Arguments([element])))
            }
        case let .take(k):
            var taken = 0
            return {
                guard k < 0 || taken < k, let item = try upstream() else { return nil }
                taken += 1
                return item
            }
        case let .skip(k):
            var skipped = false
            return {
                if !skipped {
                    skipped = true
                    var left = k < 0 ? Int.max : k
                    while left > 0, try upstream() != nil { left -= 1 }
                }
                return try upstream()
            }
        case let .repeatCount(times):
            var round = 0
            var current = upstream
            var yielded = false
            return {
                while true {
                    if let times, round >= times { return nil }
                    if let item = try current() {
                        yielded = true
                        return item
                    }
                    // An empty dataset stays empty however often it repeats.
                    guard yielded else { return nil }
                    round += 1
                    yielded = false
                    current = stage(count - 1, pass: pass &* 7919 &+ round)
                }
            }
        case .passThrough:
            return upstream
        }
    }

    /// Elements stacked into a batch, component by component.
    static func stack(_ elements: [Value]) throws -> Value {
        func arrays(_ values: [Value]) throws -> Value {
            let parts = try values.map { try TensorConversion.array($0) }
            return .host(EagerTensor(try NumPyFunctions.stack(parts, axis: .int(0))))
        }
        switch elements.first {
        case .tuple(let first)?:
            return .tuple(try first.indices.map { i in
                try arrays(elements.map { if case .tuple(let t) = $0, i < t.count { t[i] } else { .none } })
            })
        case .dict(let first)?:
            return .dict(PyDict(try first.entries.map { key, _ in
                guard case .str(let name) = key else { throw PyException(.typeError, "dataset dict keys must be str") }
                return (name, try arrays(elements.map { element in
                    if case .dict(let d) = element { return (try? d.get(key)) ?? .none }
                    return .none
                }))
            }))
        default:
            return try arrays(elements)
        }
    }
}
