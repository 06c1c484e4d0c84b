import NeuralEngine

/// Keras reads `fit`/`evaluate`/`predict` data a batch of rows at a time, straight from the
/// array's buffer: a view such as `x_train[:1000]` or `x_train[::2]` is read in place, never
/// copied as a whole, and a uint8 image set is converted to float32 one row at a time.
extension NDArray: SampleSource {
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
