import CellLanguage
import TestSupport
import Foundation
import Library
import Testing

/// Every `SklearnConformance/**/*.py` snippet, run as one cell of a fresh Labbook session,
/// against the `.out` scikit-learn 1.9.1 and NumPy 2 printed for it, warnings included
/// (`python3 scripts/regen-sklearn-conformance.py`; see SnippetCorpus).
enum SklearnConformance {
    static let corpus = Bundle.module.url(forResource: "SklearnConformance", withExtension: nil).map { SnippetCorpus(root: $0) }

    static func modules() -> ModuleRegistry {
        LabbookModules.registry(settings: LibrarySettings(seed: 0, showTimings: false))
    }
}

@Test("sklearn snippet matches scikit-learn 1.9", arguments: SklearnConformance.corpus?.snippets ?? [])
func sklearnConformance(_ path: String) throws {
    let corpus = try #require(SklearnConformance.corpus)
    try corpus.check(path, modules: SklearnConformance.modules())
}

@Test func sklearnConformanceCorpusIsPresent() {
    #expect((SklearnConformance.corpus?.snippets.count ?? 0) >= 52)
}
