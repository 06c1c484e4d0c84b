/// A fixed-size float32 buffer at a stable address: layer parameters, their gradients and the
/// training loop's activations. Stable pointers let the hot loops run on raw pointers with no
/// array bounds, uniqueness or exclusivity checks; the buffer frees itself when released.
final class FloatBuffer {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    init(count: Int, repeating value: Float = 0) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: max(count, 1))
    }

    init(_ scalars: [Float]) {
        self.count = scalars.count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
        scalars.withUnsafeBufferPointer { if let base = $0.baseAddress { pointer.update(from: base, count: count) } }
    }

    deinit { pointer.deallocate() }

    var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    func fill(_ value: Float) { pointer.update(repeating: value, count: count) }

    func copy(from scalars: [Float]) {
        precondition(scalars.count == count)
        scalars.withUnsafeBufferPointer { if let base = $0.baseAddress { pointer.update(from: base, count: count) } }
    }
}

/// One trainable tensor of a layer: its value, its gradient, and its Keras shape.
final class Parameter {
    let shape: [Int]
    let value: FloatBuffer
    let gradient: FloatBuffer

    init(shape: [Int], scalars: [Float]) {
        self.shape = shape
        value = FloatBuffer(scalars)
        gradient = FloatBuffer(count: scalars.count)
    }

    var count: Int { value.count }
    var tensor: Tensor { Tensor(shape: shape, scalars: value.array) }
}
