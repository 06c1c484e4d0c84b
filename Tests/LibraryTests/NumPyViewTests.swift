import CellLanguage
import Foundation
import NeuralEngine
import Testing
import TestSupport
@testable import Library

/// Views: arrays sharing a buffer through a cache restore, feeding Keras in place, and the
/// in-place operators. Expected values come from python3 with NumPy 2.4.6 (the snippet is
/// quoted above each expectation).
struct NumPyViewTests {
    /// x = np.arange(12.0).reshape(3, 4); row = x[1]; col = x[:, 2]; t = x.T[::-1]
    /// row[0] = -1; col[2] = 99; print(x); print(t)
    @Test func viewsStillShareTheirArrayAfterACacheRestore() throws {
        let original = ResumableSession()
        original.run("""
            import numpy as np
            x = np.arange(12.0).reshape(3, 4)
            row = x[1]
            col = x[:, 2]
            t = x.T[::-1]
            """)
        let resumed = try original.resumed(through: CountingBlobStore())
        let output = resumed.run("row[0] = -1\ncol[2] = 99\nprint(x)\nprint(t)")
        #expect(output == """
            [[ 0.  1.  2.  3.]
             [-1.  5.  6.  7.]
             [ 8.  9. 99. 11.]]
            [[ 3.  7. 11.]
             [ 2.  6. 99.]
             [ 1.  5.  9.]
             [ 0. -1.  8.]]

            """)
    }

    /// big = np.zeros((100, 100)); part = big[10:20, ::5]; part[0, 1] = 5
    /// print(big[10, 5], big.sum())  ->  5.0 5.0
    @Test func aViewOfABlobStoredArraySharesItAfterARestore() throws {
        let original = ResumableSession()
        original.run("import numpy as np\nbig = np.zeros((100, 100))\npart = big[10:20, ::5]")
        let store = CountingBlobStore()
        let resumed = try original.resumed(through: store)
        // One buffer, stored once, although two globals refer to it.
        #expect(store.puts == [80000])
        #expect(resumed.run("part[0, 1] = 5\nprint(big[10, 5], big.sum())") == "5.0 5.0\n")
    }

    private func rows(of source: any SampleSource, _ picks: [Int]) -> [Float] {
        let width = source.shape.dropFirst().reduce(1, *)
        var out = [Float](repeating: .nan, count: picks.count * width)
        picks.withUnsafeBufferPointer { r in
            out.withUnsafeMutableBufferPointer { if let base = $0.baseAddress { source.copyRows(r, to: base) } }
        }
        return out
    }

    private func view(_ array: NDArray, _ key: Value) throws -> NDArray {
        try array.subscripted(key)
    }

    @Test func slicedViewsFeedKerasRowsFromTheSharedBuffer() throws {
        let x = NDArray(shape: [6, 2, 2], storage: .uint8((0..<24).map(UInt8.init)))
        // x[:4] and x[1::2] read the buffer in place.
        let head = try view(x, .slice(PySlice(stop: .int(4))))
        #expect(head.buffer === x.buffer)
        #expect(rows(of: head, [3, 0]) == [12, 13, 14, 15, 0, 1, 2, 3])
        let odd = try view(x, .slice(PySlice(start: .int(1), step: .int(2))))
        #expect(odd.shape == [3, 2, 2])
        #expect(rows(of: odd, [2]) == [20, 21, 22, 23])
        // x[:, :, ::-1]: rows that are not contiguous.  x[:, :, ::-1][4] -> [[17, 16], [19, 18]]
        let flipped = try view(x, .tuple([.slice(PySlice()), .slice(PySlice()),
                                          .slice(PySlice(step: .int(-1)))]))
        #expect(rows(of: flipped, [4]) == [17, 16, 19, 18])
        // float32 buffers take the bulk-copy path: np.arange(8, dtype='float32').reshape(4, 2)[1:].T
        let f = NDArray(shape: [4, 2], storage: .float32((0..<8).map(Float.init)))
        let tail = try view(f, .slice(PySlice(start: .int(1))))
        #expect(rows(of: tail, [2, 0]) == [6, 7, 2, 3])
        let transposed = try ArrayMethods.transpose(tail, axes: nil)
        #expect(rows(of: transposed, [1]) == [3, 5, 7])
        #expect(KerasArrays.contents(of: transposed).scalars == [2, 4, 6, 3, 5, 7])
    }

    /// a = np.arange(6).reshape(2, 3); v = a[:, 1:]; v += 10  ->  a is [[0, 11, 12], [3, 14, 15]]
    /// a += 0.5  ->  UFuncTypeError: Cannot cast ufunc 'add' output from dtype('float64') to
    /// dtype('int64') with casting rule 'same_kind'
    @Test func inPlaceOperatorsWriteThroughViews() throws {
        let interpreter = Session(modules: ModuleRegistry()).interpreter
        let a = NDArray(shape: [2, 3], storage: .int64([0, 1, 2, 3, 4, 5]))
        let v = try view(a, .tuple([.slice(PySlice()), .slice(PySlice(start: .int(1)))]))
        _ = try v.inPlaceOperation(.add, .int(10), interpreter)
        #expect(a.storage.asInt64() == [0, 11, 12, 3, 14, 15])
        #expect(throws: PyException.self) { try a.inPlaceOperation(.add, .float(0.5), interpreter) }
        let row = NDArray(shape: [3], storage: .int64([1, 2, 3]))
        #expect(throws: PyException.self) { try row.inPlaceOperation(.add, .host(a), interpreter) }
    }
}
