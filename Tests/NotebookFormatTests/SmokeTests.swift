import Testing
@testable import NotebookFormat

@Test func linksCmarkGFM() { #expect(cmarkVersion.contains("gfm")) }
