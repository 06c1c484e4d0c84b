import CellLanguage
import TestSupport
import Foundation
import Testing

/// Every `Conformance/**/*.py` snippet, run as one cell of a fresh session, against the
/// `.out` CPython printed for it (`python3 scripts/regen-conformance.py`; see SnippetCorpus).
enum Conformance {
    static let corpus = Bundle.module.url(forResource: "Conformance", withExtension: nil).map { SnippetCorpus(root: $0) }
}

@Test("conformance snippet matches CPython", arguments: Conformance.corpus?.snippets ?? [])
func conformance(_ path: String) throws {
    let corpus = try #require(Conformance.corpus)
    try corpus.check(path, modules: ModuleRegistry())
}

@Test func conformanceCorpusIsPresent() {
    #expect((Conformance.corpus?.snippets.count ?? 0) >= 300)
}
