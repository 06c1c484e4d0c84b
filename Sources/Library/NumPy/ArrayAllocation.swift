import CellLanguage

/// NumPy's refusals for arrays no machine could hold, raised before anything is allocated
/// (Swift would trap on the failed allocation and take the whole run down):
///
///     np.zeros((100000, 100000))
///     # MemoryError: Unable to allocate 74.5 GiB for an array with shape (100000, 100000) and data type float64
///     np.ones(2**62)
///     # ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.
enum ArrayAllocation {
    /// The element count of `shape`, with NumPy's errors for a negative dimension, a size
    /// past 64 bits, and an array past `MemoryLimit`.
    @discardableResult
    static func check(_ shape: [Int], _ dtype: DType) throws -> Int {
        if shape.contains(where: { $0 < 0 }) {
            throw PyException(.valueError, "negative dimensions are not allowed")
        }
        if shape.contains(0) { return 0 }
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            if overflow { throw tooBig }
            count = product
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        if overflow { throw tooBig }
        do {
            try MemoryLimit.check(count: bytes)
        } catch {
            let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
            throw PyException(.memoryError, "Unable to allocate \(sizeText(bytes)) for an array with shape \(shapeText) and data type \(dtype.name)")
        }
        return count
    }

    /// The element count of `shape` (every dimension non-negative) or nil past 64 bits.
    static func count(_ shape: [Int]) -> Int? {
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: max(dimension, 0))
            if overflow { return nil }
            count = product
        }
        return count
    }

    static var tooBig: PyException {
        PyException(.valueError, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.")
    }

    /// A byte count as NumPy words it (`_size_to_string`): binary units, three significant
    /// digits with the point kept (`931. GiB`, `74.5 GiB`, `4.00 TiB`), whole bytes.
    static func sizeText(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var unit = max(Int.bitWidth - bytes.leadingZeroBitCount - 1, 1) / 10
        var value = Double(bytes) / Double(1 << (unit * 10))
        if value.rounded() == 1024 {
            unit += 1
            value /= 1024
        }
        if unit == 0 { return "\(bytes) bytes" }
        let text = (try? PyFormat.format(value, spec: value.rounded() < 1000 ? "#.3g" : "#.0f")) ?? "\(value)"
        return "\(text) \(units[unit])"
    }
}
