/// A Python set (or frozenset), laid out as CPython's open-addressing table (same hashes
/// for numbers and tuples, same probing, resizing and dummies), so iteration and printing
/// order match CPython: `{3, 1, 2}` prints `{1, 2, 3}`.
public final class PySet {
    enum Slot {
        case empty
        case dummy
        case active(hash: Int, value: Value)
    }

    static let minimumSize = 8
    static let linearProbes = 9

    private(set) var table: [Slot] = Array(repeating: .empty, count: PySet.minimumSize)
    /// Active entries.
    public private(set) var count = 0
    /// Active plus dummy entries.
    private var fill = 0
    /// Where `pop()` resumes its search.
    private var finger = 0
    public var frozen = false

    public init() {}

    deinit {
        guard table.contains(where: { if case .active(_, let v) = $0 { v.mayNest } else { false } }) else { return }
        var values = items
        table = []
        ValueReclaimer.reclaim(&values)
    }

    public init(_ values: [Value]) throws {
        for v in values { try add(v) }
    }

    private var mask: Int { table.count - 1 }

    /// The elements in table order (CPython's iteration order).
    public var items: [Value] {
        table.compactMap { if case .active(_, let v) = $0 { return v } else { return nil } }
    }

    var entries: [(hash: Int, value: Value)] {
        table.compactMap { if case .active(let h, let v) = $0 { return (h, v) } else { return nil } }
    }

    static func hash(_ v: Value) throws -> Int {
        _ = try HashKey(v)
        return try PythonHash.hash(v)
    }

    /// The slot holding `v`, if present.
    private func find(_ v: Value, _ hash: Int) -> Int? {
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var perturb = UInt(bitPattern: hash)
        while true {
            let probes = i + PySet.linearProbes <= mask ? PySet.linearProbes : 0
            for j in i...(i + probes) {
                switch table[j] {
                case .empty: return nil
                case .active(let h, let value) where h == hash && value.pyEquals(v): return j
                default: break
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    public func contains(_ v: Value) throws -> Bool {
        find(v, try PySet.hash(v)) != nil
    }

    public func add(_ v: Value) throws {
        try add(v, hash: try PySet.hash(v))
    }

    /// CPython's `set_add_entry`.
    func add(_ v: Value, hash: Int) throws {
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var perturb = UInt(bitPattern: hash)
        var freeSlot: Int?
        while true {
            let probes = i + PySet.linearProbes <= mask ? PySet.linearProbes : 0
            for j in i...(i + probes) {
                switch table[j] {
                case .empty:
                    if let f = freeSlot {
                        table[f] = .active(hash: hash, value: v)
                        count += 1
                        return
                    }
                    table[j] = .active(hash: hash, value: v)
                    fill += 1
                    count += 1
                    if fill * 5 >= mask * 3 { resize(count > 50000 ? count * 2 : count * 4) }
                    return
                case .active(let h, let value) where h == hash && value.pyEquals(v):
                    return
                case .dummy:
                    if freeSlot == nil { freeSlot = j }
                default:
                    break
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    /// CPython's `set_insert_clean`: into a table known to hold neither `v` nor dummies.
    private static func insertClean(_ table: inout [Slot], _ hash: Int, _ v: Value) {
        let mask = table.count - 1
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var perturb = UInt(bitPattern: hash)
        while true {
            let probes = i + linearProbes <= mask ? linearProbes : 0
            for j in i...(i + probes) {
                if case .empty = table[j] {
                    table[j] = .active(hash: hash, value: v)
                    return
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    /// CPython's `set_table_resize`.
    private func resize(_ minimumUsed: Int) {
        var size = PySet.minimumSize
        while size <= minimumUsed { size <<= 1 }
        var newTable = [Slot](repeating: .empty, count: size)
        for case .active(let h, let v) in table { PySet.insertClean(&newTable, h, v) }
        table = newTable
        fill = count
    }

    /// The table's bookkeeping, for state snapshots.
    var layout: (fill: Int, finger: Int) { (fill, finger) }

    /// Puts back a saved table exactly (slots, dummies, counters), for state snapshots.
    func restore(table: [Slot], count: Int, fill: Int, finger: Int) {
        self.table = table
        self.count = count
        self.fill = fill
        self.finger = finger
    }

    /// Removes `v`; false if it was absent.
    @discardableResult
    public func remove(_ v: Value) throws -> Bool {
        guard let j = find(v, try PySet.hash(v)) else { return false }
        table[j] = .dummy
        count -= 1
        return true
    }

    /// CPython's `set_pop`: the first element at or after the finger.
    public func pop() -> Value? {
        guard count > 0 else { return nil }
        var j = finger & mask
        while true {
            if case .active(_, let v) = table[j] {
                table[j] = .dummy
                count -= 1
                finger = j + 1
                return v
            }
            j = (j + 1) & mask
        }
    }

    public func removeAll() {
        table = Array(repeating: .empty, count: PySet.minimumSize)
        count = 0
        fill = 0
    }

    /// CPython's `set_merge` (used by copies, unions and updates with a set).
    public func merge(_ other: PySet) {
        guard other !== self, other.count > 0 else { return }
        if (fill + other.count) * 5 >= mask * 3 { resize((count + other.count) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.count {
            table = other.table
            fill = other.fill
            count = other.count
            return
        }
        if fill == 0 {
            for case .active(let h, let v) in other.table { PySet.insertClean(&table, h, v) }
            fill = other.count
            count = other.count
            return
        }
        for case .active(let h, let v) in other.table { try? add(v, hash: h) }
    }

    public func copy() -> PySet {
        let s = PySet()
        s.merge(self)
        s.frozen = frozen
        return s
    }

    // MARK: Set algebra, in CPython's iteration orders

    func union(_ other: PySet) -> PySet {
        let r = copy()
        r.merge(other)
        return r
    }

    func intersection(_ other: PySet) -> PySet {
        var (big, small) = (self, other)
        if other.count > count { (big, small) = (other, self) }
        let r = PySet()
        r.frozen = frozen
        for (h, v) in small.entries where big.find(v, h) != nil { try? r.add(v, hash: h) }
        return r
    }

    func difference(_ other: PySet) -> PySet {
        if count >> 2 > other.count {
            let r = copy()
            for (h, v) in other.entries {
                if let j = r.find(v, h) { r.table[j] = .dummy; r.count -= 1 }
            }
            return r
        }
        let r = PySet()
        r.frozen = frozen
        for (h, v) in entries where other.find(v, h) == nil { try? r.add(v, hash: h) }
        return r
    }

    func symmetricDifference(_ other: PySet) -> PySet {
        let r = other.copy()
        r.frozen = frozen
        r.symmetricDifferenceUpdate(self)
        return r
    }

    func symmetricDifferenceUpdate(_ other: PySet) {
        if other === self { removeAll(); return }
        for (h, v) in other.entries {
            if let j = find(v, h) { table[j] = .dummy; count -= 1 } else { try? add(v, hash: h) }
        }
    }
}
