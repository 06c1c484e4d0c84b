import CellLanguage
import NeuralEngine

/// Matrix products of float32 tensors through the engine's BLAS (as TensorFlow's MatMul
/// kernel uses one): `tf.matmul`, `@`, and their gradients, which are products with one side
/// transposed. A by-hand training loop spends its time here.
enum TensorKernels {
    /// `a @ b` through BLAS when both are 2-d float32 tensors; nil otherwise (NumPy's loop
    /// then computes it). Refuses inner sizes that differ, with TensorFlow's message.
    static func blasProduct(_ a: NDArray, _ b: NDArray) throws -> NDArray? {
        guard a.dtype == .float32, b.dtype == .float32, a.ndim == 2, b.ndim == 2 else { return nil }
        return try product(a, b)
    }

    /// `op(a) @ op(b)`, `op` transposing when asked; float32 through BLAS, other dtypes
    /// through NumPy's product.
    static func product(_ a: NDArray, _ b: NDArray, transposeA: Bool = false, transposeB: Bool = false) throws -> NDArray {
        guard a.ndim == 2, b.ndim == 2 else {
            throw PyException(.valueError, "In[0] and In[1] must have rank 2 or more for MatMul, got shapes "
                              + "\(TensorShapeObject.text(a.shape)) and \(TensorShapeObject.text(b.shape))")
        }
        let m = transposeA ? a.shape[1] : a.shape[0], k = transposeA ? a.shape[0] : a.shape[1]
        let kb = transposeB ? b.shape[1] : b.shape[0], n = transposeB ? b.shape[0] : b.shape[1]
        guard k == kb else {
            throw PyException(.valueError, "Matrix size-incompatible: In[0]: [\(a.shape[0]),\(a.shape[1])], "
                              + "In[1]: [\(b.shape[0]),\(b.shape[1])] [Op:MatMul] (TensorFlow raises InvalidArgumentError)")
        }
        guard a.dtype == .float32, b.dtype == .float32 else {
            let x = transposeA ? try ArrayMethods.transpose(a, axes: nil) : a
            let y = transposeB ? try ArrayMethods.transpose(b, axes: nil) : b
            return try LinearAlgebra.matmul(x, y)
        }
        let x = a.storage.asFloat32(), y = b.storage.asFloat32()
        var out = [Float](repeating: 0, count: m * n)
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { c in
                    guard let x = x.baseAddress, let y = y.baseAddress, let c = c.baseAddress, k > 0 else { return }
                    BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: x, lda: a.shape[1],
                              b: y, ldb: b.shape[1], beta: 0, c: c, ldc: n)
                }
            }
        }
        return NDArray(shape: [m, n], storage: .float32(out))
    }
}
