import Testing
@testable import Runner

@Test func RunnerBuilds() { #expect(Bool(true)) }
