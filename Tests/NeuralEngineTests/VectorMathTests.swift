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
