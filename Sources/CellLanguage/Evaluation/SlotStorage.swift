/// Value slots reached through a `let` pointer, so the hot paths (locals, globals) pay no
/// dynamic exclusivity checks, which cost a third of the time of a tight loop otherwise.
/// A view, not an owner: the `Frame` holding it allocates and releases the memory (one
/// object per call instead of two).
struct FixedSlots {
    let base: UnsafeMutablePointer<Value?>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }

    /// Empties every slot (releasing what they held), for a frame's reuse.
    func clear() {
        base.update(repeating: nil, count: count)
    }

    /// Frees the slots; called once, by the owner's `deinit`.
    func release() {
        ValueReclaimer.reclaim(slots: base, count: count)
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    subscript(i: Int) -> Value? {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}

/// Growable slots in fixed chunks (existing slots never move), for the global table.
final class ChunkedSlots {
    static let chunkSize = 256
    static let maxChunks = 4096
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<Value?>?>
    private(set) var capacity = 0

    init() {
        chunks = .allocate(capacity: ChunkedSlots.maxChunks)
        chunks.initialize(repeating: nil, count: ChunkedSlots.maxChunks)
    }

    deinit {
        for c in 0..<(capacity / ChunkedSlots.chunkSize) {
            if let chunk = chunks[c] { ValueReclaimer.reclaim(slots: chunk, count: ChunkedSlots.chunkSize) }
            chunks[c]?.deinitialize(count: ChunkedSlots.chunkSize)
            chunks[c]?.deallocate()
        }
        chunks.deallocate()
    }

    /// Makes room for index `i` (which must be below 4096 × 256).
    func ensure(_ i: Int) {
        while capacity <= i && capacity / ChunkedSlots.chunkSize < ChunkedSlots.maxChunks {
            let chunk = UnsafeMutablePointer<Value?>.allocate(capacity: ChunkedSlots.chunkSize)
            chunk.initialize(repeating: nil, count: ChunkedSlots.chunkSize)
            chunks[capacity / ChunkedSlots.chunkSize] = chunk
            capacity += ChunkedSlots.chunkSize
        }
    }

    @inline(__always)
    subscript(i: Int) -> Value? {
        get { i >> 8 < ChunkedSlots.maxChunks ? (chunks[i >> 8].map { $0[i & 255] } ?? nil) : nil }
        set { if i >> 8 < ChunkedSlots.maxChunks { chunks[i >> 8]?[i & 255] = newValue } }
    }
}
