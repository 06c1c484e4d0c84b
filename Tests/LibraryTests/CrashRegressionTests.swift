import Testing
@testable import Library

/// numpy and keras cells that used to kill the process (failed allocations, overflowing
/// shapes, a bad element assignment) and now raise what NumPy 2 raises (checked with
/// python3 + NumPy 2.4; NumPy raises these MemoryErrors where the memory is not there).
let libraryCrashCases: [(source: String, expected: String)] = [
    ("np.zeros((100000, 100000))",
     "MemoryError: Unable to allocate 74.5 GiB for an array with shape (100000, 100000) and data type float64"),
    ("np.zeros(10**12, dtype=np.uint8)",
     "MemoryError: Unable to allocate 931. GiB for an array with shape (1000000000000,) and data type uint8"),
    ("np.ones(2**62)",
     "ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."),
    ("np.zeros((2**31, 2**31))",
     "ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."),
    ("np.zeros((2, -3))", "ValueError: negative dimensions are not allowed"),
    ("np.arange(10**13)",
     "MemoryError: Unable to allocate 72.8 TiB for an array with shape (10000000000000,) and data type int64"),
    ("np.arange(0, 10**13, 0.5)",
     "MemoryError: Unable to allocate 146. TiB for an array with shape (20000000000000,) and data type float64"),
    ("np.arange(0, float('inf'))", "ValueError: Maximum allowed size exceeded"),
    ("np.random.rand(10**6, 10**6)",
     "MemoryError: Unable to allocate 7.28 TiB for an array with shape (1000000, 1000000) and data type float64"),
    ("np.random.randn(10**12)",
     "MemoryError: Unable to allocate 7.28 TiB for an array with shape (1000000000000,) and data type float64"),
    ("np.eye(10**6)",
     "MemoryError: Unable to allocate 7.28 TiB for an array with shape (1000000, 1000000) and data type float64"),
    ("np.zeros((100000, 1)) + np.zeros((1, 100000))",
     "MemoryError: Unable to allocate 74.5 GiB for an array with shape (100000, 100000) and data type float64"),
    ("np.zeros(3).reshape(2**62, 4)", "ValueError: cannot reshape array of size 3 into shape (4611686018427387904,4)"),
    ("a = np.arange(6).reshape(2, 3)\nt = np.ravel(a.T)\nt[0] = ()",
     "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'tuple'"),
    ("a = np.arange(6.0)\na[0] = ()", "ValueError: setting an array element with a sequence."),
    ("a = np.arange(6).reshape(2, 3)\na[0] = []", "ValueError: could not broadcast input array from shape (0,) into shape (3,)"),
    ("from keras.utils import to_categorical\nto_categorical([1], 10**12)",
     "MemoryError: Unable to allocate 3.64 TiB for an array with shape (1, 1000000000000) and data type float32"),
]

@Test("a numpy/keras cell that used to crash raises NumPy's exception", arguments: libraryCrashCases.indices)
func libraryCrashBecomesException(_ index: Int) {
    let (source, expected) = libraryCrashCases[index]
    let session = NotebookSession()
    session.run("import numpy as np")
    #expect(session.error(source) == expected, "\(source.debugDescription)")
}

/// Keras gives no fixed text for a layer past the machine's memory (TensorFlow's OOM
/// message names its allocator); Labbook raises MemoryError rather than trap.
@Test func aDenseLayerPastMemoryIsAMemoryError() {
    let session = NotebookSession()
    let error = session.error("""
        from keras.models import Sequential
        from keras.layers import Dense
        Sequential([Dense(10**12, input_shape=(784,))])
        """)
    #expect(error == "MemoryError: Unable to allocate a kernel of shape (784, 1000000000000) and data type float32")
}

/// NumPy's binary sizes (checked against `np.zeros(n, dtype=np.uint8)` in NumPy 2.4).
@Test func allocationSizesReadAsNumPyWritesThem() {
    let cases: [(Int, String)] = [
        (80_000_000_000, "74.5 GiB"), (1_000_000_000_000, "931. GiB"), (4_398_046_511_104, "4.00 TiB"),
        (1_098_974_756_864, "1.00 TiB"), (1_073_741_824_000, "1000. GiB"), (1_124_800_395_214_848, "1023. TiB"),
        (2_305_843_009_213_693_952, "2.00 EiB"),
    ]
    for (bytes, text) in cases { #expect(ArrayAllocation.sizeText(bytes) == text) }
}

/// Found by the crash fuzzer: an infinite length (`np.arange(-inf)`) trapped converting to Int.
@Test func arangeOfAnInfiniteLengthIsNumPysValueError() {
    let session = NotebookSession()
    session.run("import numpy as np")
    #expect(session.error("np.arange(-float('inf'))") == "ValueError: Maximum allowed size exceeded")
    #expect(session.error("np.arange(0, -1e300, 1e-300)") == "ValueError: Maximum allowed size exceeded")
}
