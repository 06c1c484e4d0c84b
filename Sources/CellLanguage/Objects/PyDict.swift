/// A key hashed and compared by Python equality, so `1`, `1.0` and `True` are one key.
struct HashKey: Hashable {
    let value: Value
    /// What a cell class's `__hash__` returned, computed once per key as CPython does.
    let userHash: Int?

    /// Fails with `TypeError: unhashable type: 'list'` for mutable containers.
    init(_ value: Value) throws {
        try HashKey.check(value)
        self.value = value
        userHash = try PyInstance.userHash(value)
    }

    private static func check(_ value: Value) throws {
        switch value {
        case .list, .dict:
            throw PyException(.typeError, "unhashable type: '\(value.typeName)'")
        case .set(let s) where !s.frozen:
            throw PyException(.typeError, "unhashable type: 'set'")
        case .tuple(let items):
            for item in items { try check(item) }
        case .slice:
            throw PyException(.typeError, "unhashable type: 'slice'")
        default:
            break
        }
    }

    func hash(into hasher: inout Hasher) {
        if let userHash {
            hasher.combine(userHash)
            return
        }
        HashKey.feed(value, into: &hasher)
    }

    private static func feed(_ value: Value, into hasher: inout Hasher) {
        switch value {
        case .none: hasher.combine(0x4E6F6E65)
        case .bool(let b): hasher.combine(b ? 1 : 0)
        case .int(let i): hasher.combine(i)
        case .float(let d):
            if d.rounded() == d, abs(d) < 9.2e18 { hasher.combine(Int(d)) } else { hasher.combine(d) }
        case .str(let s): s.hashCodePoints(into: &hasher)
        case .tuple(let items):
            hasher.combine(items.count)
            for item in items { feed(item, into: &hasher) }
        case .range(let r): hasher.combine(r.start); hasher.combine(r.stop); hasher.combine(r.step)
        case .set(let s): hasher.combine(s.count)  // frozenset: order-independent
        case .type(let t): hasher.combine(t.name)
        case .host(let i as PyInstance) where i.hasUserHash:
            // Inside a tuple (the tuple's own key holds no per-item hash).
            hasher.combine((try? PyInstance.userHash(value)) ?? 0)
        default:
            if let id = value.identity { hasher.combine(id) } else { hasher.combine(0) }
        }
    }

    static func == (a: HashKey, b: HashKey) -> Bool {
        a.value.pyEquals(b.value)
    }
}

/// A Python dict: insertion-ordered, keys compared by Python equality.
public final class PyDict {
    /// Keys in insertion order.
    public private(set) var keys: [Value] = []
    /// Values in insertion order.
    public private(set) var values: [Value] = []
    private var index: [HashKey: Int] = [:]

    public init() {}

    deinit {
        // The index holds the keys too; the arrays hold the last references once it is gone.
        index.removeAll()
        ValueReclaimer.reclaim(&keys)
        ValueReclaimer.reclaim(&values)
    }

    /// A dict with these entries (later duplicates overwrite earlier ones).
    public convenience init(_ entries: [(String, Value)]) {
        self.init()
        for (k, v) in entries { try? set(.str(k), v) }
    }

    public var count: Int { keys.count }
    public var entries: [(key: Value, value: Value)] { Array(zip(keys, values)) }

    public func get(_ key: Value) throws -> Value? {
        guard let i = index[try HashKey(key)] else { return nil }
        return values[i]
    }

    /// Looks up a string key (convenient for host code reading `**kwargs`-like dicts).
    public subscript(key: String) -> Value? {
        guard let k = try? HashKey(.str(key)), let i = index[k] else { return nil }
        return values[i]
    }

    public func set(_ key: Value, _ value: Value) throws {
        let k = try HashKey(key)
        if let i = index[k] {
            values[i] = value
        } else {
            index[k] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    /// Removes `key` and returns its value (nil if absent).
    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        guard let i = index.removeValue(forKey: try HashKey(key)) else { return nil }
        let v = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        if i < keys.count {
            for j in i..<keys.count { index[try HashKey(keys[j])] = j }
        }
        return v
    }

    public func contains(_ key: Value) throws -> Bool {
        index[try HashKey(key)] != nil
    }

    public func removeAll() {
        keys.removeAll()
        values.removeAll()
        index.removeAll()
    }

    public func copy() -> PyDict {
        let d = PyDict()
        d.keys = keys
        d.values = values
        d.index = index
        return d
    }
}

