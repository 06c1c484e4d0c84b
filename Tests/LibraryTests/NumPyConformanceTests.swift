import CellLanguage
import TestSupport
import Foundation
import Library
import Testing

/// Every `NumPyConformance/**/*.py` snippet, run as one cell of a fresh session with numpy
/// registered, against the `.out` NumPy 2 printed for it
/// (`python3 scripts/regen-numpy-conformance.py`; see SnippetCorpus).
enum NumPyConformance {
    static let corpus = Bundle.module.url(forResource: "NumPyConformance", withExtension: nil).map { SnippetCorpus(root: $0) }

    static func modules() -> ModuleRegistry {
        let registry = ModuleRegistry()
        NumPyModule.register(in: registry, context: NumPyContext(seed: 0))
        return registry
    }
}

@Test("numpy snippet matches NumPy 2", arguments: NumPyConformance.corpus?.snippets ?? [])
func numpyConformance(_ path: String) throws {
    let corpus = try #require(NumPyConformance.corpus)
    try corpus.check(path, modules: NumPyConformance.modules())
}

@Test func numpyConformanceCorpusIsPresent() {
    #expect((NumPyConformance.corpus?.snippets.count ?? 0) >= 140)
}
