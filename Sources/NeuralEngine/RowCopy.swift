import CCPU

/// How a batch's rows are gathered from a data set, every training step: conversions of whole
/// rows to float32, sixteen elements per step, and prefetching the next batch's
/// rows. Exact for bytes, and rounded to nearest for doubles, as element-by-element conversion
/// is; only the speed differs (a scalar loop over a 784-pixel row took as long as a narrow
/// model's products, and waiting for rows scattered over a 47 MB data set almost as long).
///
///     RowCopy.convert(bytes, to: floats, count: 784)
///     RowCopy.prefetch(nextRow, bytes: 784)
public enum RowCopy {
    /// Starts loading `bytes` bytes from `start` into the cache, a line at a time, without
    /// waiting for them.
    public static func prefetch(_ start: UnsafeRawPointer, bytes: Int) {
        var offset = 0
        while offset < bytes {
            ccpu_prefetch(start + offset)
            offset += 64
        }
    }

    /// `destination[0..<count] = Float(source[0..<count])`.
    @inlinable
    public static func convert(_ source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<Float>, count: Int) {
        convert(source, to: destination, count: count, lanes: { SIMD16<Float>($0) }, scalar: { Float($0) })
    }

    /// `destination[0..<count] = Float(source[0..<count])`, rounded to nearest.
    @inlinable
    public static func convert(_ source: UnsafePointer<Double>, to destination: UnsafeMutablePointer<Float>, count: Int) {
        convert(source, to: destination, count: count, lanes: { SIMD16<Float>($0) }, scalar: { Float($0) })
    }

    /// Gathers a batch: row `i` of `destination` (`width` values) is row `rows[i]` of the data
    /// set at `base` (rows `rowStride` apart), converted. A large batch is split over the cores:
    /// the rows are scattered over the data set, so the copy waits on memory, and two cores
    /// wait for twice as many rows at once.
    public static func convertRows(
        _ rows: UnsafeBufferPointer<Int>, from base: UnsafePointer<UInt8>, rowStride: Int,
        to destination: UnsafeMutablePointer<Float>, width: Int
    ) {
        Parallel.rows(rows.count, width: width) { part in
            for i in part { convert(base + rows[i] * rowStride, to: destination + i * width, count: width) }
        }
    }

    /// `convertRows` from doubles (what `x / 255` makes of MNIST in NumPy), rounded to nearest.
    public static func convertRows(
        _ rows: UnsafeBufferPointer<Int>, from base: UnsafePointer<Double>, rowStride: Int,
        to destination: UnsafeMutablePointer<Float>, width: Int
    ) {
        Parallel.rows(rows.count, width: width) { part in
            for i in part { convert(base + rows[i] * rowStride, to: destination + i * width, count: width) }
        }
    }

    /// Sixteen elements per step (one load, one widening or narrowing conversion, one store),
    /// then the tail one by one.
    @inlinable @inline(__always)
    static func convert<Scalar: SIMDScalar>(
        _ source: UnsafePointer<Scalar>, to destination: UnsafeMutablePointer<Float>, count: Int,
        lanes: (SIMD16<Scalar>) -> SIMD16<Float>, scalar: (Scalar) -> Float
    ) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(destination)
        var j = 0
        while j + 16 <= count {
            let vector = from.loadUnaligned(fromByteOffset: j * MemoryLayout<Scalar>.stride, as: SIMD16<Scalar>.self)
            (to + j * 4).storeBytes(of: lanes(vector), as: SIMD16<Float>.self)
            j += 16
        }
        while j < count {
            destination[j] = scalar(source[j])
            j += 1
        }
    }
}
