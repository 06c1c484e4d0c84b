import Testing
@testable import Library

@Test func LibraryBuilds() { #expect(Bool(true)) }
