/// `sorted()` and `list.sort()`: a stable sort that asks `<` in the order CPython's
/// timsort does while it finds runs and insertion-sorts them, so a list that cannot be
/// ordered (`sorted([1, 2, 'x'])`) fails with CPython's message, operands the same way round.
///
///     ListSort.sorted([.int(2), .int(1)], key: .none, reverse: false, interpreter)  // [1, 2]
enum ListSort {
    static func sorted(_ items: [Value], key: Value, reverse: Bool, _ interp: Interpreter) throws -> [Value] {
        let keys = key.isNone ? items : try items.map { try interp.call(key, Arguments([$0])) }
        // CPython sorts in reverse by reversing, sorting stably and reversing back, which
        // keeps equal elements in their original order.
        var order = reverse ? Array(items.indices.reversed()) : Array(items.indices)
        try timsort(&order) { i, j in
            try interp.tickDeadline()
            return try interp.lessThan(keys[i], keys[j], .less)
        }
        if reverse { order.reverse() }
        return order.map { items[$0] }
    }

    /// Sorts `a` stably with `less`: runs of at least `minimumRun` items (ascending runs
    /// as found, descending ones reversed, short ones extended by binary insertion), then
    /// merged pairwise. CPython merges with galloping; only the order of comparisons in
    /// the merges differs, not the result.
    static func timsort(_ a: inout [Int], _ less: (Int, Int) throws -> Bool) throws {
        let n = a.count
        guard n > 1 else { return }
        let minimum = minimumRun(n)
        var runs: [Range<Int>] = []
        var low = 0
        while low < n {
            var length = try countRun(&a, low, n, less)
            if length < minimum {
                let forced = min(minimum, n - low)
                try binaryInsertionSort(&a, low, low + forced, start: low + length, less)
                length = forced
            }
            runs.append(low..<(low + length))
            low += length
        }
        while runs.count > 1 {
            var merged: [Range<Int>] = []
            var i = 0
            while i + 1 < runs.count {
                try merge(&a, runs[i], runs[i + 1], less)
                merged.append(runs[i].lowerBound..<runs[i + 1].upperBound)
                i += 2
            }
            if i < runs.count { merged.append(runs[i]) }
            runs = merged
        }
    }

    /// CPython's merge_compute_minrun.
    private static func minimumRun(_ count: Int) -> Int {
        var n = count, r = 0
        while n >= 64 {
            r |= n & 1
            n >>= 1
        }
        return n + r
    }

    /// The length of the run starting at `low`; a strictly descending run is reversed.
    private static func countRun(_ a: inout [Int], _ low: Int, _ high: Int, _ less: (Int, Int) throws -> Bool) throws -> Int {
        if low + 1 == high { return 1 }
        var end = low + 2
        if try less(a[low + 1], a[low]) {
            while end < high, try less(a[end], a[end - 1]) { end += 1 }
            a[low..<end].reverse()
        } else {
            while end < high, !(try less(a[end], a[end - 1])) { end += 1 }
        }
        return end - low
    }

    /// Inserts `a[start..<high]` one by one into the sorted `a[low..<start]`.
    private static func binaryInsertionSort(_ a: inout [Int], _ low: Int, _ high: Int, start: Int,
                                            _ less: (Int, Int) throws -> Bool) throws {
        for next in start..<high {
            let pivot = a[next]
            var l = low, r = next
            while l < r {
                let p = l + (r - l) / 2
                if try less(pivot, a[p]) { r = p } else { l = p + 1 }
            }
            if l < next {
                a[(l + 1)...next] = a[l..<next]
                a[l] = pivot
            }
        }
    }

    /// Merges the adjacent sorted ranges `left` and `right` of `a`, stably.
    private static func merge(_ a: inout [Int], _ left: Range<Int>, _ right: Range<Int>,
                              _ less: (Int, Int) throws -> Bool) throws {
        var out: [Int] = []
        out.reserveCapacity(left.count + right.count)
        var i = left.lowerBound, j = right.lowerBound
        while i < left.upperBound && j < right.upperBound {
            if try less(a[j], a[i]) { out.append(a[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out.append(contentsOf: a[i..<left.upperBound])
        out.append(contentsOf: a[j..<right.upperBound])
        a.replaceSubrange(left.lowerBound..<right.upperBound, with: out)
    }
}
