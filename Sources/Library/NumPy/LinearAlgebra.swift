import CellLanguage

/// `a @ b` and `np.dot` for 1-d and 2-d arrays, in the promoted dtype (float sums in
/// plain order: NumPy's BLAS may differ in the last bits).
enum LinearAlgebra {
    static func matmul(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        guard a.ndim >= 1, b.ndim >= 1, a.ndim <= 2, b.ndim <= 2 else {
            if a.ndim == 0 || b.ndim == 0 {
                throw PyException(.valueError, "matmul: Input operand \(a.ndim == 0 ? 0 : 1) does not have enough dimensions "
                                  + "(has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
            }
            throw PyException(.valueError, "matmul supports arrays of up to 2 dimensions here")
        }
        let m = a.ndim == 2 ? a.shape[0] : 1
        let k = a.shape[a.ndim - 1]
        let kb = b.shape[0]
        let n = b.ndim == 2 ? b.shape[1] : 1
        guard k == kb else {
            throw PyException(.valueError, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                              + "signature (n?,k),(k,m?)->(n?,m?) (size \(kb) is different from \(k))")
        }
        var shape: [Int] = []
        if a.ndim == 2 { shape.append(m) }
        if b.ndim == 2 { shape.append(n) }
        var dtype = DType.promote(a.dtype, b.dtype)
        if dtype == .bool { dtype = .int64 }
        func product<T: Numeric>(_ x: [T], _ y: [T]) -> [T] {
            var out = [T](repeating: 0, count: m * n)
            for i in 0..<m {
                for p in 0..<k {
                    let xv = x[i * k + p]
                    for j in 0..<n { out[i * n + j] += xv * y[p * n + j] }
                }
            }
            return out
        }
        let x = a.storage.converted(to: dtype), y = b.storage.converted(to: dtype)
        let storage: ArrayStorage
        switch (x, y) {
        case (.float32(let p), .float32(let q)): storage = .float32(product(p, q))
        case (.float64(let p), .float64(let q)): storage = .float64(product(p, q))
        default:
            let p = x.asInt64(), q = y.asInt64()
            var out = [Int64](repeating: 0, count: m * n)
            for i in 0..<m { for r in 0..<k { for j in 0..<n { out[i * n + j] &+= p[i * k + r] &* q[r * n + j] } } }
            storage = ArrayStorage.int64(out).converted(to: dtype)
        }
        return NDArray(shape: shape, storage: storage)
    }
}
