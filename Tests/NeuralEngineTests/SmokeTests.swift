import Testing
@testable import NeuralEngine

@Test func linksOpenBLAS() { #expect(blasThreads >= 1) }
