import CellLanguage
import NeuralEngine
import Testing
@testable import Library

/// Unit tests of the numpy module's Swift API. Expected values come from NumPy 2.4.6
/// (the python3 one-liners are quoted where a value is not obvious).
struct NumPyTests {
    /// Runs `source` as one cell with numpy registered on `context`; returns printed text
    /// plus the last expression's repr, or the error summary.
    private func run(_ source: String, context: NumPyContext = NumPyContext(seed: 0)) -> String {
        let registry = ModuleRegistry()
        NumPyModule.register(in: registry, context: context)
        let outcome = Session(modules: registry).run(source, cellNumber: 1)
        var text = outcome.outputs.map(\.plainText).joined()
        if let error = outcome.error { text += error.summary + "\n" }
        return text
    }

    @Test func promotionMatchesResultType() {
        // python3 -c "import numpy as np; print(np.result_type('int32', 'float32'))" etc.
        let expected: [String: DType] = [
            "bool+uint8": .uint8, "uint8+int32": .int32, "uint8+float32": .float32, "int32+float32": .float64,
            "int64+float32": .float64, "int64+uint64": .float64, "uint64+int32": .float64, "uint8+uint64": .uint64,
            "float32+float64": .float64, "bool+bool": .bool, "int32+int64": .int64, "bool+float32": .float32,
        ]
        for (pair, result) in expected {
            let names = pair.split(separator: "+").map(String.init)
            guard let a = DType(name: names[0]), let b = DType(name: names[1]) else {
                Issue.record("bad dtype name in \(pair)")
                continue
            }
            #expect(DType.promote(a, b) == result, "\(pair)")
            #expect(DType.promote(b, a) == result, "\(pair) reversed")
        }
    }

    @Test func uint8ArrayFeedsTheEngineAsFloats() {
        let x = NDArray(shape: [3, 2], storage: .uint8([0, 1, 2, 3, 254, 255]))
        var destination = [Float](repeating: -1, count: 4)
        let rows = [2, 0]
        rows.withUnsafeBufferPointer { r in
            destination.withUnsafeMutableBufferPointer { x.copyRows(r, to: $0.baseAddress!) }
        }
        #expect(destination == [254, 255, 0, 1])
        #expect(x.shape == [3, 2])
    }

    @Test func float32ArrayAndTensorConvertBothWays() {
        let tensor = Tensor(shape: [2, 2], scalars: [0.5, 1, 1.5, 2])
        let array = NDArray(tensor)
        #expect(array.dtype == .float32)
        #expect(array.tensor() == tensor)
        let bytes = NDArray(ByteTensor(shape: [1, 3], bytes: [1, 2, 255]))
        #expect(bytes.dtype == .uint8)
        #expect(bytes.tensor().scalars == [1, 2, 255])
    }

    @Test func storageKeepsItsElementType() {
        let images = NDArray(shape: [10, 28, 28], storage: .zeros(.uint8, count: 7840))
        guard case .uint8(let bytes) = images.storage else {
            Issue.record("uint8 storage expected")
            return
        }
        #expect(bytes.count * MemoryLayout<UInt8>.stride == 7840)
        #expect(images.astype(.float32).dtype == .float32)
    }

    @Test func float32SumsUseNumPysPairwiseOrder() {
        // x = (np.arange(100000, dtype=np.float32) * 0.37) % 1
        let output = run("""
            import numpy as np
            x = (np.arange(100000, dtype=np.float32) * 0.37) % 1
            print(repr(x.sum()), repr(x.mean()), repr(x.std()))
            print(repr(x.reshape(1000, 100).sum(axis=0)[:3]))
            x.reshape(1000, 100).sum(axis=1)[:3]
            """)
        #expect(output == """
            np.float32(49523.996) np.float32(0.49523997) np.float32(0.28867275)
            array([  0.     , 370.65433, 740.43005], dtype=float32)
            array([49.500023, 49.50007 , 49.500122], dtype=float32)

            """)
    }

    @Test func float32ScalarsSwitchToScientificAtAMillion() {
        // [str(np.float32(v)) for v in [999999.0, 1e6, 0.0001, 3.0, 1.5e-5, 123456.7]]
        let values: [Double] = [999999.0, 1e6, 0.0001, 3.0, 1.5e-5, 123456.7]
        let printed = values.map { numpyScalarString(Double(Float($0)), single: true) }
        #expect(printed == ["999999.0", "1e+06", "1e-04", "3.0", "1.5e-05", "123456.7"])
    }

    @Test func randomDrawsComeFromTheSharedGenerator() {
        let context = NumPyContext(seed: 1)
        _ = run("import numpy as np\nnp.random.seed(5)\n", context: context)
        #expect(context.generator == RandomGenerator(seed: 5))
        _ = run("import numpy as np\nnp.random.rand(3)\n", context: context)
        #expect(context.generator != RandomGenerator(seed: 5))
        let first = run("import numpy as np\nnp.random.seed(9)\nnp.random.randn(4).tolist()\n")
        let second = run("import numpy as np\nnp.random.seed(9)\nnp.random.randn(4).tolist()\n")
        #expect(first == second)
        #expect(first.hasPrefix("["))
    }

    @Test func numpyRandomIsTheSameModuleAsNpRandom() {
        let output = run("""
            import numpy as np
            import numpy.random
            from numpy.random import permutation
            print(np.random is numpy.random)
            sorted(permutation(5).tolist())
            """)
        #expect(output == "True\n[0, 1, 2, 3, 4]\n")
    }

    /// Expected output from python3 with NumPy 2.4: the copy is independent, the reshape is a view.
    @Test func maskedAssignmentChangesOnlyTheArrayAssignedAndItsViews() {
        let output = run("""
            import numpy as np
            x = np.arange(6)
            y = x.copy()
            x[x > 2] = 0
            print(x, y)
            z = y.reshape(2, 3)
            z[0] = 9
            y
            """)
        #expect(output == "[0 1 2 0 0 0] [0 1 2 3 4 5]\narray([9, 9, 9, 3, 4, 5])\n")
    }

    @Test func mnistShapedArraysIndexAndReshapeCheaply() {
        let x = NDArray(shape: [600, 28, 28], storage: .zeros(.uint8, count: 600 * 784))
        let flat = x.reshaped([600, 784])
        #expect(flat.shape == [600, 784])
        let context = NumPyContext()
        let registry = ModuleRegistry()
        NumPyModule.register(in: registry, context: context)
        let session = Session(modules: registry)
        session[global: "x"] = .host(x)
        let outcome = session.run("""
            import numpy as np
            y = x.reshape(x.shape[0], 784)[:100].astype('float32') / 255
            print(y.shape, y.dtype, x[np.array([3, 1])].shape, x[x.sum(axis=(1)).sum(axis=1) == 0].shape)
            """, cellNumber: 1)
        #expect(outcome.error == nil)
        #expect(outcome.outputs.map(\.plainText).joined() == "(100, 784) float32 (2, 28, 28) (600, 28, 28)\n")
    }

    @Test func errorsAreNumPys() {
        #expect(run("import numpy as np\nnp.ones(3) + np.ones(4)\n")
                == "ValueError: operands could not be broadcast together with shapes (3,) (4,) \n")
        #expect(run("import numpy as np\nnp.arange(10).reshape(3, 4)\n")
                == "ValueError: cannot reshape array of size 10 into shape (3,4)\n")
        #expect(run("import numpy as np\nnp.arange(3)[5]\n")
                == "IndexError: index 5 is out of bounds for axis 0 with size 3\n")
        // A huge label is a huge result: NumPy 2.4's refusals (found by the crash fuzzer).
        #expect(run("import numpy as np\nnp.bincount([2**62, 1, 1], weights=[0.5, 1, 2])\n")
                == "ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.\n")
        #expect(run("import numpy as np\nnp.bincount([2**40])\n")
                == "MemoryError: Unable to allocate 8.00 TiB for an array with shape (1099511627777,) and data type int64\n")
    }
}
