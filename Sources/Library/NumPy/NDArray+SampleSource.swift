import NeuralEngine

/// Keras reads `fit`/`evaluate`/`predict` data a batch of rows at a time, straight from the
/// array's buffer: a view such as `x_train[:1000]` or `x_train[::2]` is read in place, never
/// copied as a whole, and a uint8 image set is converted to float32 one row at a time.
extension NDArray: SampleSource {
    /// Prefetches whole rows of contiguous rows (every array but a transpose or a column slice).
    public func prefetchRows(_ rows: UnsafeBufferPointer<Int>) {
        guard ArrayLayout(shape: Array(shape.dropFirst()), strides: Array(strides.dropFirst()), offset: 0).isContiguous
        else { return }
        let width = shape.dropFirst().reduce(1, *), rowStride = strides.first ?? 0
        func prefetch<T>(_ elements: [T]) {
            elements.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                for r in rows {
                    RowCopy.prefetch(base + layout.offset + r * rowStride, bytes: width * MemoryLayout<T>.stride)
                }
            }
        }
        switch buffer.elements {
        case .uint8(let a): prefetch(a)
        case .float32(let a): prefetch(a)
        case .float64(let a): prefetch(a)
        case .bool, .int32, .int64, .uint64: return
        }
    }

    /// Copies whole samples (rows of the first axis) as float32.
    public func copyRows(_ rows: UnsafeBufferPointer<Int>, to destination: UnsafeMutablePointer<Float>) {
        let width = shape.dropFirst().reduce(1, *)
        let rowStride = strides.first ?? 0
        // One row as a layout of its own, starting at 0: contiguous for every array that is
        // not a transpose or a column slice.
        let row = ArrayLayout(shape: Array(shape.dropFirst()), strides: Array(strides.dropFirst()), offset: 0)
        let rowIsContiguous = row.isContiguous
        func copy<T>(_ elements: [T], _ convert: (T) -> Float) {
            elements.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                for (i, r) in rows.enumerated() {
                    let from = base + layout.offset + r * rowStride
                    let to = destination + i * width
                    if rowIsContiguous {
                        for j in 0..<width { to[j] = convert(from[j]) }
                    } else {
                        var k = 0
                        row.forEachRun { start, count, step in
                            for j in 0..<count { to[k + j] = convert(from[start + j * step]) }
                            k += count
                        }
                    }
                }
            }
        }
        switch buffer.elements {
        case .float32(let a) where rowIsContiguous:
            a.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                for (i, r) in rows.enumerated() {
                    (destination + i * width).update(from: base + layout.offset + r * rowStride, count: width)
                }
            }
        case .uint8(let a) where rowIsContiguous:
            // MNIST as mnist.load_data() gives it, every batch of a fit: the vector path.
            a.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                RowCopy.convertRows(rows, from: base + layout.offset, rowStride: rowStride, to: destination, width: width)
            }
        case .float64(let a) where rowIsContiguous:
            // What x / 255 makes of it in NumPy.
            a.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                RowCopy.convertRows(rows, from: base + layout.offset, rowStride: rowStride, to: destination, width: width)
            }
        case .float32(let a): copy(a) { $0 }
        case .bool(let a): copy(a) { $0 ? 1 : 0 }
        case .uint8(let a): copy(a) { Float($0) }
        case .int32(let a): copy(a) { Float($0) }
        case .int64(let a): copy(a) { Float($0) }
        case .uint64(let a): copy(a) { Float($0) }
        case .float64(let a): copy(a) { Float($0) }
        }
    }
}
