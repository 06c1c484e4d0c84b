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
