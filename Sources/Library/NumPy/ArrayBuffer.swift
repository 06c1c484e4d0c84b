/// The elements that an array and all of its views share (NumPy's data buffer): `a[0]`,
/// `a[:, 2]`, `a.reshape(2, 3)` and `a.T` are `NDArray`s over `a`'s buffer with their own
/// `ArrayLayout`, so a write through any of them is seen by all.
///
/// Two different buffers may hold the same Swift array (`a.copy()` and `a.astype(a.dtype)`
/// start out sharing it); Swift's copy-on-write separates them at the first write, which
/// is what gives copies their NumPy semantics without copying until needed.
final class ArrayBuffer: @unchecked Sendable {
    /// Every element of the buffer, in memory order.
    private(set) var elements: ArrayStorage
    /// Bumped by every write, so a cache snapshot hashes and stores an unchanged buffer once.
    private(set) var version = 0

    init(_ elements: ArrayStorage) {
        self.elements = elements
    }

    var dtype: DType { elements.dtype }
    var count: Int { elements.count }

    /// Replaces every element (same count and dtype).
    func replace(_ newElements: ArrayStorage) {
        precondition(newElements.count == elements.count && newElements.dtype == elements.dtype)
        elements = newElements
        version &+= 1
    }

    /// Writes `values` (row-major) at the positions `runs` visits, in place: the stored
    /// array is uniquely referenced during the write, so a 47 MB buffer is not copied.
    func scatter<R: ElementRuns>(_ values: ArrayStorage, at runs: R) {
        elements.scatter(values, at: runs)
        version &+= 1
    }
}

/// Visits array elements in row-major order as runs of evenly spaced buffer positions:
/// `body(start, count, step)` for positions `start, start + step, ...` (`count` of them).
protocol ElementRuns {
    /// The number of elements visited.
    var elementCount: Int { get }
    func forEachRun(_ body: (_ start: Int, _ count: Int, _ step: Int) -> Void)
}

extension ElementRuns {
    /// Like `forEachRun`, also passing `index`: the row-major position of the run's first
    /// element among all the visited ones.
    func forEachRun(_ body: (_ start: Int, _ count: Int, _ step: Int, _ index: Int) -> Void) {
        var index = 0
        forEachRun { start, count, step in
            body(start, count, step, index)
            index += count
        }
    }
}

/// Equal contiguous blocks at the given start positions (what indexing selects).
struct BlockRuns: ElementRuns {
    let offsets: [Int]
    let block: Int

    var elementCount: Int { offsets.count * block }

    func forEachRun(_ body: (Int, Int, Int) -> Void) {
        if block == 0 { return }
        for o in offsets { body(o, block, 1) }
    }
}

/// Gathers the visited elements into a new row-major storage.
struct RunGather<R: ElementRuns>: StorageTransform {
    let runs: R

    func apply<T>(_ elements: [T]) -> [T] {
        let total = runs.elementCount
        return [T](unsafeUninitializedCapacity: total) { out, initialized in
            elements.withUnsafeBufferPointer { source in
                guard let from = source.baseAddress, let to = out.baseAddress else { return }
                runs.forEachRun { start, count, step, k in
                    if step == 1 { (to + k).initialize(from: from + start, count: count); return }
                    for j in 0..<count { (to + k + j).initialize(to: from[start + j * step]) }
                }
            }
            initialized = total
        }
    }
}

extension ArrayStorage {
    /// Writes `values` (row-major, same dtype) at the positions `runs` visits.
    mutating func scatter<R: ElementRuns>(_ values: ArrayStorage, at runs: R) {
        func write<T>(_ target: inout [T], _ source: [T]) {
            target.withUnsafeMutableBufferPointer { to in
                source.withUnsafeBufferPointer { from in
                    guard let to = to.baseAddress, let from = from.baseAddress else { return }
                    runs.forEachRun { start, count, step, k in
                        if step == 1 { (to + start).update(from: from + k, count: count); return }
                        for j in 0..<count { to[start + j * step] = from[k + j] }
                    }
                }
            }
        }
        // Each case takes the elements out of `self` first so the writes do not copy them.
        switch values {
        case .bool(let s): if case .bool(var t) = self { self = .bool([]); write(&t, s); self = .bool(t) }
        case .uint8(let s): if case .uint8(var t) = self { self = .bool([]); write(&t, s); self = .uint8(t) }
        case .int32(let s): if case .int32(var t) = self { self = .bool([]); write(&t, s); self = .int32(t) }
        case .int64(let s): if case .int64(var t) = self { self = .bool([]); write(&t, s); self = .int64(t) }
        case .uint64(let s): if case .uint64(var t) = self { self = .bool([]); write(&t, s); self = .uint64(t) }
        case .float32(let s): if case .float32(var t) = self { self = .bool([]); write(&t, s); self = .float32(t) }
        case .float64(let s): if case .float64(var t) = self { self = .bool([]); write(&t, s); self = .float64(t) }
        }
    }
}
