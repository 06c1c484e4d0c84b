import Foundation

/// Keras' `padding=`: `valid` keeps only windows that fit inside the input; `same` pads with
/// zeros so that the output has `ceil(input / stride)` positions, the extra padding (when
/// the total is odd) going after the input, as TensorFlow does.
public enum Padding: String, Codable, Sendable, CaseIterable {
    case valid, same
}

/// Where a sliding window (a convolution's kernel or a pooling window) goes over a
/// channels-last image `(height, width, channels)`: output extent and leading padding per
/// axis. One-dimensional layers use a height of 1.
///
/// ```swift
/// let w = try Window(input: [28, 28, 1], size: [3, 3], strides: [1, 1], padding: .valid)
/// (w.outputHeight, w.outputWidth)   // (26, 26)
/// ```
struct Window: Equatable {
    let height: Int, width: Int, channels: Int
    let sizeY: Int, sizeX: Int
    let strideY: Int, strideX: Int
    let outputHeight: Int, outputWidth: Int
    /// Zero rows above and columns left of the input (padding `same` only).
    let padTop: Int, padLeft: Int

    init(height: Int, width: Int, channels: Int, size: (Int, Int), strides: (Int, Int), padding: Padding) {
        self.height = height
        self.width = width
        self.channels = channels
        (sizeY, sizeX) = size
        (strideY, strideX) = strides
        func extent(_ n: Int, _ k: Int, _ s: Int) -> (Int, Int) {
            switch padding {
            case .valid: return (n >= k ? (n - k) / s + 1 : 0, 0)
            case .same:
                let out = (n + s - 1) / s
                return (out, max((out - 1) * s + k - n, 0) / 2)
            }
        }
        (outputHeight, padTop) = extent(height, sizeY, strideY)
        (outputWidth, padLeft) = extent(width, sizeX, strideX)
    }

    /// Output positions per sample.
    var outputPositions: Int { outputHeight * outputWidth }
    /// Values in one window (a row of the patch matrix).
    var patchSize: Int { sizeY * sizeX * channels }
    /// Values per input sample.
    var inputSize: Int { height * width * channels }

    /// The input row of window row `ky` for output row `oy`, or nil when it falls in the padding.
    @inline(__always)
    func inputRow(_ oy: Int, _ ky: Int) -> Int? {
        let y = oy * strideY - padTop + ky
        return y >= 0 && y < height ? y : nil
    }

    /// The input columns `[first, first + count)` of output column `ox`'s window that lie inside
    /// the input, and the window offset `skip` of the first of them.
    @inline(__always)
    func inputColumns(_ ox: Int) -> (first: Int, count: Int, skip: Int) {
        let start = ox * strideX - padLeft
        let first = max(start, 0), end = min(start + sizeX, width)
        return (first, max(end - first, 0), first - start)
    }

    // MARK: Patches

    /// im2col: one row per output position, `(sample, oy, ox)` in order, holding the window's
    /// values as `(ky, kx, channel)`, zeros where it covers padding. For a window row inside
    /// the input its values are contiguous in channels-last memory, so each is one copy.
    /// The batch is split over the cores.
    func patches(_ input: UnsafePointer<Float>, into cols: UnsafeMutablePointer<Float>, batchSize: Int) {
        Parallel.chunks(batchSize) { samples in
            patches(of: input + samples.lowerBound * inputSize, samples: samples.count,
                    into: cols + samples.lowerBound * outputPositions * patchSize)
        }
    }

    /// Whether every window lies inside the input (padding `valid`, or `same` with nothing to
    /// pad): then each window row is one copy from a fixed offset, with no checks.
    var windowsInside: Bool {
        padTop == 0 && padLeft == 0 && (outputHeight - 1) * strideY + sizeY <= height
            && (outputWidth - 1) * strideX + sizeX <= width
    }

    /// im2col of `samples` consecutive images starting at `images`, on the calling thread: each
    /// window row is zeroed where it covers padding and gets the input values it covers.
    func patches(of images: UnsafePointer<Float>, samples: Int, into cols: UnsafeMutablePointer<Float>) {
        let rowWidth = sizeX * channels
        forEachWindowRow(samples: samples) { row, skip, input, count in
            if count < rowWidth { (cols + row).update(repeating: 0, count: rowWidth) }
            if count > 0 { VectorMath.copy(images + input, to: cols + row + skip, count: count) }
        }
    }

    /// col2im: the adjoint of `patches`, each patch row's values added back to the input
    /// positions they were copied from; `gradient` is overwritten. The batch is split over the cores.
    func accumulatePatches(_ cols: UnsafePointer<Float>, into gradient: UnsafeMutablePointer<Float>, batchSize: Int) {
        Parallel.chunks(batchSize) { samples in
            accumulatePatches(cols + samples.lowerBound * outputPositions * patchSize, samples: samples.count,
                              into: gradient + samples.lowerBound * inputSize)
        }
    }

    /// col2im of the patch rows of `samples` consecutive images into their gradients
    /// (overwritten), on the calling thread.
    func accumulatePatches(_ cols: UnsafePointer<Float>, samples: Int, into gradients: UnsafeMutablePointer<Float>) {
        gradients.update(repeating: 0, count: samples * inputSize)
        forEachWindowRow(samples: samples) { row, skip, input, count in
            if count > 0 { VectorMath.add(cols + row + skip, to: gradients + input, count: count) }
        }
    }

    /// The walk `patches` and `accumulatePatches` share: for every window row of `samples`
    /// images, in patch-matrix order `(sample, oy, ox, ky)`, `body(row, skip, input, count)`: the
    /// row's offset in the patch matrix, and the `count` values of it that lie inside the input,
    /// `skip` values into the row and at offset `input` of the images. `count` is less than the
    /// row's `sizeX * channels` only where the row covers padding (0 when it lies wholly in it).
    /// When every window lies inside the input, each row is whole, a fixed stride from the last,
    /// with no checks.
    @inline(__always)
    private func forEachWindowRow(samples: Int, _ body: (_ row: Int, _ skip: Int, _ input: Int, _ count: Int) -> Void) {
        let c = channels, rowWidth = sizeX * c
        var row = 0
        if windowsInside {
            for b in 0..<samples {
                let image = b * inputSize
                for oy in 0..<outputHeight {
                    for ox in 0..<outputWidth {
                        var input = image + (oy * strideY * width + ox * strideX) * c
                        for _ in 0..<sizeY {
                            body(row, 0, input, rowWidth)
                            row += rowWidth
                            input += width * c
                        }
                    }
                }
            }
            return
        }
        for b in 0..<samples {
            let image = b * inputSize
            for oy in 0..<outputHeight {
                for ox in 0..<outputWidth {
                    let (first, count, skip) = inputColumns(ox)
                    for ky in 0..<sizeY {
                        if let y = inputRow(oy, ky), count > 0 {
                            body(row + ky * rowWidth, skip * c, image + (y * width + first) * c, count * c)
                        } else {
                            body(row + ky * rowWidth, 0, 0, 0)
                        }
                    }
                    row += patchSize
                }
            }
        }
    }
}
