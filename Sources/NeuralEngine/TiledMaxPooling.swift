/// Max pooling whose windows tile the input (strides equal to the pool size, no padding: the
/// `MaxPooling2D()` of nearly every convnet): each input value lies in at most one window, so
/// the forward pass keeps each window's maximum in registers and the backward pass writes each
/// input gradient once, instead of clearing the whole gradient and adding into it. Same
/// results as the general loops in `Pooling`, bit for bit: the same comparisons in the same
/// order, and `0 + g` where those added `g` to a cleared value.
extension Pooling {
    /// Whether `window` takes the tiled loops.
    static func tiles(_ w: Window) -> Bool {
        w.strideY == w.sizeY && w.strideX == w.sizeX && w.padTop == 0 && w.padLeft == 0
            && w.outputHeight * w.sizeY <= w.height && w.outputWidth * w.sizeX <= w.width
    }

    /// The maxima of `samples` images at `images` into `output`.
    static func tiledMaximum(_ w: Window, _ images: UnsafePointer<Float>, samples: Int, into output: UnsafeMutablePointer<Float>) {
        let c = w.channels, lanes = c / 8 * 8, rowStride = w.width * c
        var out = output
        for b in 0..<samples {
            let image = images + b * w.inputSize
            for oy in 0..<w.outputHeight {
                for ox in 0..<w.outputWidth {
                    let corner = image + (oy * w.sizeY * w.width + ox * w.sizeX) * c
                    var j = 0
                    while j < lanes {
                        var m = VectorMath.load(corner + j)
                        for ky in 0..<w.sizeY {
                            for kx in 0..<w.sizeX where ky > 0 || kx > 0 {
                                let r = VectorMath.load(corner + ky * rowStride + kx * c + j)
                                m = m.replacing(with: r, where: r .> m)
                            }
                        }
                        VectorMath.store(m, out + j)
                        j += 8
                    }
                    for t in lanes..<c {
                        var m = corner[t]
                        for ky in 0..<w.sizeY {
                            for kx in 0..<w.sizeX where (ky > 0 || kx > 0) && corner[ky * rowStride + kx * c + t] > m {
                                m = corner[ky * rowStride + kx * c + t]
                            }
                        }
                        out[t] = m
                    }
                    out += c
                }
            }
        }
    }

    /// The input gradients of `samples` images: each window's output gradient to the first
    /// position holding its maximum, 0 elsewhere (also where no window reaches).
    static func tiledMaximumGradient(
        _ w: Window, _ images: UnsafePointer<Float>, output: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
        samples: Int, into gradients: UnsafeMutablePointer<Float>
    ) {
        let c = w.channels, lanes = c / 8 * 8, rowStride = w.width * c
        let zero = VectorMath.Lanes(repeating: 0)
        var out = output, g = outputGradient
        for b in 0..<samples {
            let image = images + b * w.inputSize, gradient = gradients + b * w.inputSize
            clearUncovered(w, gradient)
            for oy in 0..<w.outputHeight {
                for ox in 0..<w.outputWidth {
                    let offset = (oy * w.sizeY * w.width + ox * w.sizeX) * c
                    let corner = image + offset, target = gradient + offset
                    var j = 0
                    while j < lanes {
                        let m = VectorMath.load(out + j)
                        var remaining = VectorMath.load(g + j)
                        for ky in 0..<w.sizeY {
                            for kx in 0..<w.sizeX {
                                let at = ky * rowStride + kx * c + j
                                let hit = VectorMath.load(corner + at) .== m
                                VectorMath.store(zero + zero.replacing(with: remaining, where: hit), target + at)
                                remaining = remaining.replacing(with: zero, where: hit)
                            }
                        }
                        j += 8
                    }
                    for t in lanes..<c {
                        var remaining = g[t]
                        for ky in 0..<w.sizeY {
                            for kx in 0..<w.sizeX {
                                let at = ky * rowStride + kx * c + t
                                let hit = corner[at] == out[t]
                                target[at] = 0 + (hit ? remaining : 0)
                                if hit { remaining = 0 }
                            }
                        }
                    }
                    out += c
                    g += c
                }
            }
        }
    }

    /// Zeroes the gradient of the input positions no window covers (the last rows and columns
    /// when the size is not a multiple of the pool size).
    private static func clearUncovered(_ w: Window, _ gradient: UnsafeMutablePointer<Float>) {
        let c = w.channels, coveredRows = w.outputHeight * w.sizeY, coveredColumns = w.outputWidth * w.sizeX
        if coveredColumns < w.width {
            for y in 0..<coveredRows {
                (gradient + (y * w.width + coveredColumns) * c).update(repeating: 0, count: (w.width - coveredColumns) * c)
            }
        }
        if coveredRows < w.height {
            (gradient + coveredRows * w.width * c).update(repeating: 0, count: (w.height - coveredRows) * w.width * c)
        }
    }
}
