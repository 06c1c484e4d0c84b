import Foundation
import Testing
import TestSupport
@testable import Runner

/// Damage and interruptions: each is followed by a correct run (a warning where damage is
/// found, a recompute, never a crash or a wrong result).
@Suite struct CacheFaultTests {
    /// Cell 2 holds a list big enough that the state goes to a blob.
    static let text = """
        ```python
        big = list(range(4000))
        small = {'n': 1}
        ```

        ```python
        small['n'] += len(big)
        alias = big
        ```

        ```python
        print(small, alias is big, sum(alias))
        ```

        """

    /// Runs, damages the cache with `damage`, runs again: the second run must match a run
    /// from scratch, and a third run must reuse everything again.
    func check(_ damage: (CachedNotebook) throws -> Void, expectWarning: Bool,
               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let nb = try CachedNotebook(Self.text)
        let fresh = try nb.run()
        #expect(fresh.markdown.contains("{'n': 4001} True 7998000"), sourceLocation: sourceLocation)
        try damage(nb)
        let repaired = try nb.run()
        #expect(repaired.markdown == fresh.markdown, sourceLocation: sourceLocation)
        #expect(repaired.html == fresh.html, sourceLocation: sourceLocation)
        #expect(!repaired.warnings.isEmpty == expectWarning, "\(repaired.warnings)", sourceLocation: sourceLocation)
        let third = try nb.run()
        #expect(third.ran.isEmpty && third.markdown == fresh.markdown, sourceLocation: sourceLocation)
    }

    @Test func corruptBlob() throws {
        try check({ nb in
            let blobs = nb.files(under: "blobs")
            #expect(!blobs.isEmpty)
            for blob in blobs {
                var bytes = try Data(contentsOf: URL(fileURLWithPath: blob))
                bytes[bytes.count / 2] ^= 0xFF
                try bytes.write(to: URL(fileURLWithPath: blob))
            }
        }, expectWarning: true)
    }

    @Test func truncatedEntry() throws {
        try check({ nb in
            for entry in nb.files(under: "entries") {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: entry))
                try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: entry))
            }
        }, expectWarning: true)
    }

    @Test func foreignEntry() throws {
        try check({ nb in
            for entry in nb.files(under: "entries") {
                try Data("not an entry".utf8).write(to: URL(fileURLWithPath: entry))
            }
        }, expectWarning: true)
    }

    @Test func deletedEntryIsAPlainMiss() throws {
        try check({ nb in
            for entry in nb.files(under: "entries") { try FileManager.default.removeItem(atPath: entry) }
        }, expectWarning: false)
    }

    @Test func deletedBlob() throws {
        try check({ nb in
            for blob in nb.files(under: "blobs") { try FileManager.default.removeItem(atPath: blob) }
        }, expectWarning: true)
    }

    @Test func damageInTheLastEntryOnlyRerunsTheLastCell() throws {
        let nb = try CachedNotebook(Self.text)
        let fresh = try nb.run()
        // The entries of cells 1 and 2 are kept; the last cell's is damaged.
        let keys = try CachedNotebook.keys(of: nb)
        let last = nb.cacheDirectory + "/entries/" + keys[2].hex
        var bytes = try Data(contentsOf: URL(fileURLWithPath: last))
        bytes[bytes.count - 3] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: last))
        let again = try nb.run()
        #expect(again.ran == [2])
        #expect(again.markdown == fresh.markdown)
        #expect(again.warnings.count == 1 && again.warnings[0].contains("damaged"), "\(again.warnings)")
    }

    @Test func aValueThatCannotBeSavedStopsTheCacheWithANote() throws {
        let nb = try CachedNotebook("```python\nx = 1\n```\n\n```python\nit = iter([1, 2])\n```\n\n```python\nprint(next(it), x)\n```\n")
        let first = try nb.run()
        #expect(first.warnings == ["\(nb.path):5: note: not cached after this cell: global 'it' holds a 'list_iterator' iterator, which cannot be saved"])
        let second = try nb.run()
        #expect(second.cached == [0] && second.ran == [1, 2])
        #expect(second.markdown == first.markdown)
    }

    @Test func cacheCommandsShowAndEmptyTheCache() throws {
        let nb = try CachedNotebook(Self.text)
        _ = try nb.run()
        let info = try CacheCommands.info(notebookPath: nb.path, cacheDirectory: nil)
        #expect(info.contains("3 entries"), "\(info)")
        #expect(info.contains("nb.md: 0 of 3 cells cached for runs with timings on\nnb.md: 3 of 3 cells cached for runs with timings off"), "\(info)")
        #expect(try CacheCommands.clean(notebookPath: nb.path, cacheDirectory: nil, runs: true) == "removed \(nb.cacheDirectory)\n")
        #expect(!FileManager.default.fileExists(atPath: nb.cacheDirectory))
        #expect(try CacheCommands.info(notebookPath: nb.path, cacheDirectory: nil) == "no cache at \(nb.cacheDirectory)\n")
    }
}

extension CachedNotebook {
    static func keys(of nb: CachedNotebook, timings: Bool = false) throws -> [NotebookCacheKey] {
        let notebook = try NotebookFormatAccess.load(nb.path)
        return NotebookCacheKey.chain(
            sources: notebook.sources, engineVersion: CacheRun.engineVersion(timings: timings),
            parameters: notebook.parameters, seed: notebook.seed)
    }
}

import NotebookCache
typealias NotebookCacheKey = CellKey
