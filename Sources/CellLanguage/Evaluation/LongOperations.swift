/// Builtin operations whose time grows with their result (`"a" * 10**9`, `[0] * 10**8`):
/// built a chunk at a time, with the cell's deadline checked between chunks, so
/// `#| timeout:` stops them within a few milliseconds of the deadline.
///
///     try interpreter.repeated("ab", times: 3)   // "ababab"
extension Interpreter {
    /// Values copied between two deadline checks (a few milliseconds of work).
    static let valuesPerChunk = 1 << 20
    /// Bytes copied between two deadline checks.
    static let bytesPerChunk = 1 << 24

    /// `items * times`: the items repeated, in order.
    func repeated(_ items: [Value], times: Int) throws -> [Value] {
        guard times > 1, !items.isEmpty else { return times == 1 ? items : [] }
        let total = items.count * times
        return try [Value](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            items.withUnsafeBufferPointer { base.initialize(from: $0.baseAddress!, count: items.count) }
            initialized = items.count
            // Doubling: copy what is there already, one chunk at a time.
            while initialized < total {
                let copy = min(initialized, total - initialized, Interpreter.valuesPerChunk)
                (base + initialized).initialize(from: base, count: copy)
                initialized += copy
                try checkDeadline()
            }
        }
    }

    /// `x + y` for lists and tuples: copied a chunk at a time, so a cell doubling a list in
    /// a loop (`xs = xs + xs`) stops at its deadline like any other long builtin.
    func concatenated(_ x: [Value], _ y: [Value]) throws -> [Value] {
        try MemoryLimit.check(count: x.count &+ y.count, stride: MemoryLayout<Value>.stride)
        guard x.count + y.count > Interpreter.valuesPerChunk else { return x + y }
        var result = [Value]()
        result.reserveCapacity(x.count + y.count)
        for part in [x, y] {
            var start = 0
            while start < part.count {
                let end = min(part.count, start + Interpreter.valuesPerChunk)
                result.append(contentsOf: part[start..<end])
                start = end
                try checkDeadline()
            }
        }
        return result
    }

    /// `s * times` as bytes: the UTF-8 of `s` copied by doubling, one chunk at a time.
    func repeated(_ s: String, times: Int) throws -> String {
        guard times > 1, !s.isEmpty else { return times == 1 ? s : "" }
        var piece = s
        let length = piece.utf8.count
        let total = length * times
        return try piece.withUTF8 { source in
            try String(unsafeUninitializedCapacity: total) { buffer in
                guard let base = buffer.baseAddress, let from = source.baseAddress else { return 0 }
                base.initialize(from: from, count: length)
                var filled = length
                while filled < total {
                    let copy = min(filled, total - filled, Interpreter.bytesPerChunk)
                    (base + filled).initialize(from: base, count: copy)
                    filled += copy
                    try checkDeadline()
                }
                return total
            }
        }
    }
}
