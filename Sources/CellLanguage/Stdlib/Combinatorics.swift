/// Index walks of CPython's `combinations` and `permutations`, so results come out in the
/// same (lexicographic-by-position) order, lazily.
enum Combinatorics {
    static func combinations(_ pool: [Value], _ r: Int, replacement: Bool = false) -> () throws -> Value? {
        let n = pool.count
        var indices: [Int] = replacement ? Array(repeating: 0, count: r) : Array(0..<max(0, min(r, n)))
        var first = true
        return {
            if first {
                first = false
                if (!replacement && r > n) || (replacement && n == 0 && r > 0) { return nil }
                return .tuple(indices.map { pool[$0] })
            }
            guard r > 0 else { return nil }
            var i = r - 1
            if replacement {
                while i >= 0 && indices[i] == n - 1 { i -= 1 }
                if i < 0 { return nil }
                let v = indices[i] + 1
                for j in i..<r { indices[j] = v }
            } else {
                while i >= 0 && indices[i] == i + n - r { i -= 1 }
                if i < 0 { return nil }
                indices[i] += 1
                if i + 1 < r { for j in (i + 1)..<r { indices[j] = indices[j - 1] + 1 } }
            }
            return .tuple(indices.map { pool[$0] })
        }
    }

    static func permutations(_ pool: [Value], _ r: Int) -> () throws -> Value? {
        let n = pool.count
        var indices = Array(0..<n)
        var cycles = Array(stride(from: n, to: n - r, by: -1))
        var first = true, done = r > n
        return {
            if done { return nil }
            if first { first = false; return .tuple(indices.prefix(r).map { pool[$0] }) }
            guard n > 0, r > 0 else { done = true; return nil }
            var i = r - 1
            while i >= 0 {
                cycles[i] -= 1
                if cycles[i] == 0 {
                    let moved = indices.remove(at: i)
                    indices.append(moved)
                    cycles[i] = n - i
                    i -= 1
                } else {
                    let j = cycles[i]
                    indices.swapAt(i, n - j)
                    return .tuple(indices.prefix(r).map { pool[$0] })
                }
            }
            done = true
            return nil
        }
    }
}
