import Foundation
import Testing
@testable import NeuralEngine

@Test func vectorExpIsWithinTwoUlpOfLibm() {
    var worst: Double = 0
    for i in stride(from: -87.0, through: 88.0, by: 0.173) {
        let x = Float(i)
        let lanes = VectorMath.exp(SIMD8<Float>(repeating: x))
        let exact = Foundation.exp(Double(x))
        worst = max(worst, abs(Double(lanes[0]) - exact) / exact)
    }
    #expect(worst < 2.5e-7)
}

@Test func sigmoidSaturatesExactly() {
    let z: [Float] = [-1000, -100, -88, -20, 0, 1, 20, 100, 1000, -0.5, 3]
    var a = [Float](repeating: -1, count: z.count)
    VectorMath.sigmoid(z, &a, count: z.count)
    #expect(a[0] == 0 && a[1] == 0 && a[2] == 0)
    #expect(a[4] == 0.5)
    #expect(a[6] == 1 && a[7] == 1 && a[8] == 1)
    for (x, y) in zip(z, a) {
        let exact = 1 / (1 + Foundation.exp(-Double(x)))
        #expect(abs(Double(y) - exact) <= max(1e-7 * exact, 1e-30), "sigmoid(\(x))")
    }
}

@Test func sigmoidAndItsDerivativeNeverMakeDenormals() {
    // Every input from -200 to 200 in small steps, the range raw pixels push a first layer into.
    let z = stride(from: Float(-200), through: 200, by: 0.01).map { $0 }
    var a = [Float](repeating: -1, count: z.count)
    VectorMath.sigmoid(z, &a, count: z.count)
    let isDenormal = { (x: Float) in x != 0 && abs(x) < Float.leastNormalMagnitude }
    #expect(!a.contains(where: isDenormal))
    #expect(a.first == 0 && a.last == 1)
    // Monotone, and within float rounding of the exact sigmoid wherever it is not flushed to 0.
    #expect(zip(a, a.dropFirst()).allSatisfy { $0 <= $1 })
    for (x, y) in zip(z, a) where y > 0 {
        let exact = 1 / (1 + Foundation.exp(-Double(x)))
        #expect(abs(Double(y) - exact) <= 3e-7 * exact, "sigmoid(\(x))")
    }
    var g = [Float](repeating: 1e-3, count: z.count)
    VectorMath.sigmoidBackward(&g, output: a, rows: 1, width: z.count, columnSums: nil)
    #expect(!g.contains(where: isDenormal))
    #expect(g.contains { $0 > 0 })
}

@Test func fusedBiasAndColumnSumsMatchSeparatePasses() {
    // 3 rows of width 11: one full 8-lane group and a tail of 3 per row.
    let rows = 3, width = 11
    let z = (0..<(rows * width)).map { Float($0 % 7) * 0.9 - 2.5 }
    let bias = (0..<width).map { Float($0) * 0.1 - 0.4 }
    var biased = z
    for r in 0..<rows { for j in 0..<width { biased[r * width + j] += bias[j] } }
    var expected = [Float](repeating: 0, count: z.count)
    VectorMath.sigmoid(biased, &expected, count: z.count)
    var fused = [Float](repeating: 0, count: z.count)
    VectorMath.sigmoid(z, adding: bias, &fused, rows: rows, width: width)
    #expect(fused == expected)

    let upstream = (0..<(rows * width)).map { Float($0 % 5) - 2 }
    var grad = upstream
    var sums = [Float](repeating: 0, count: width)
    VectorMath.sigmoidBackward(&grad, output: fused, rows: rows, width: width, columnSums: &sums)
    for i in grad.indices { #expect(grad[i] == upstream[i] * (fused[i] * (1 - fused[i]))) }
    for j in 0..<width { #expect(sums[j] == (grad[j] + grad[width + j]) + grad[2 * width + j]) }
}

@Test func fusedReluDerivativeAndColumnSumsMatchSeparatePasses() {
    // Widths with and without a tail past the eight lanes; sums must be the same bits as adding
    // one row after another, value by value (the order the bias gradient always had).
    for width in [3, 8, 13, 32] {
        let rows = 7
        let a = (0..<(rows * width)).map { Float(($0 * 5) % 9) * 0.5 - 2 }   // some <= 0
        let upstream = (0..<(rows * width)).map { Float(($0 * 7) % 11) * 0.31 - 1.7 }
        var separate = upstream
        VectorMath.reluBackward(&separate, output: a, count: separate.count)
        var expected = [Float](repeating: 0.25, count: width)
        for r in 0..<rows { for j in 0..<width { expected[j] += separate[r * width + j] } }
        var fused = upstream
        var sums = [Float](repeating: 0.25, count: width)
        VectorMath.reluBackward(&fused, output: a, rows: rows, width: width, columnSums: &sums)
        #expect(fused == separate)
        #expect(sums == expected)
        var added = [Float](repeating: 0.25, count: width)
        VectorMath.addRows(separate, rows: rows, width: width, to: &added)
        #expect(added == expected)
    }
}

/// Passes over a large batch are split over the cores (`Parallel.rows`, `Parallel.columns`); a
/// result must be the same bits as one core's, row after row. 128 x 300 is over the threshold,
/// and 300 columns leave a tail past the eight lanes; one row at a time stays on one core.
@Test func passesSplitOverTheCoresGiveOneCoresBits() {
    let rows = 128, width = 300
    #expect(rows * width >= Parallel.elementwiseThreshold && width < Parallel.elementwiseThreshold)
    let z = (0..<(rows * width)).map { Float(($0 * 37) % 101) * 0.17 - 8.5 }
    let bias = (0..<width).map { Float($0 % 13) * 0.05 - 0.3 }
    var whole = [Float](repeating: 0, count: z.count), byRow = whole
    VectorMath.sigmoid(z, adding: bias, &whole, rows: rows, width: width)
    z.withUnsafeBufferPointer { zp in
        byRow.withUnsafeMutableBufferPointer { ap in
            for r in 0..<rows {
                VectorMath.sigmoid(zp.baseAddress! + r * width, adding: bias, ap.baseAddress! + r * width, rows: 1, width: width)
            }
        }
    }
    #expect(whole == byRow)

    let upstream = (0..<(rows * width)).map { Float(($0 * 7) % 11) * 0.31 - 1.7 }
    for relu in [false, true] {
        var grad = upstream, sums = [Float](repeating: 0.5, count: width)
        var rowGrad = upstream, rowSums = sums
        if relu {
            VectorMath.reluBackward(&grad, output: z, rows: rows, width: width, columnSums: &sums)
        } else {
            VectorMath.sigmoidBackward(&grad, output: whole, rows: rows, width: width, columnSums: &sums)
        }
        let output = relu ? z : whole
        output.withUnsafeBufferPointer { a in
            rowGrad.withUnsafeMutableBufferPointer { g in
                for r in 0..<rows {
                    let gr = g.baseAddress! + r * width, ar = a.baseAddress! + r * width
                    if relu {
                        VectorMath.reluBackward(gr, output: ar, rows: 1, width: width, columnSums: &rowSums)
                    } else {
                        VectorMath.sigmoidBackward(gr, output: ar, rows: 1, width: width, columnSums: &rowSums)
                    }
                }
            }
        }
        #expect(grad == rowGrad, "relu: \(relu)")
        #expect(sums == rowSums, "relu: \(relu)")
    }

    // Gathering a batch from bytes and from doubles.
    let data = (0..<(1000 * width)).map { UInt8(($0 * 31) % 256) }
    let picked = (0..<rows).map { ($0 * 389) % 1000 }
    var gathered = [Float](repeating: -1, count: rows * width)
    data.withUnsafeBufferPointer { d in
        picked.withUnsafeBufferPointer { p in
            RowCopy.convertRows(p, from: d.baseAddress!, rowStride: width, to: &gathered, width: width)
        }
    }
    let expectedBytes: [Float] = picked.flatMap { r in data[(r * width)..<((r + 1) * width)].map { Float($0) } }
    #expect(gathered == expectedBytes)
    let doubles = data.map { Double($0) / 255 }
    doubles.withUnsafeBufferPointer { d in
        picked.withUnsafeBufferPointer { p in
            RowCopy.convertRows(p, from: d.baseAddress!, rowStride: width, to: &gathered, width: width)
        }
    }
    let expectedDoubles: [Float] = picked.flatMap { r in doubles[(r * width)..<((r + 1) * width)].map { Float($0) } }
    #expect(gathered == expectedDoubles)
}

@Test func columnRangesCoverTheWidthInBlocksOfEight() {
    for width in [7, 8, 300, 301, 4096] {
        var ranges: [Range<Int>] = []
        let lock = NSLock()
        Parallel.columns(width, rows: 1 << 15) { part in lock.withLock { ranges.append(part) } }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == width)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(ranges.dropLast().allSatisfy { $0.upperBound % 8 == 0 })
    }
}
