import Testing
@testable import Charts

@Test func ChartsBuilds() { #expect(Bool(true)) }
