import Foundation
import Testing
@testable import NotebookCache

@Suite struct PruneTests {
    let dir = TestDirectory()

    /// Stores entries for `sources` (each with its own blob of `blobBytes` bytes plus one
    /// shared blob) and records the run.
    @discardableResult
    func run(_ cache: NotebookCache, _ sources: [String], notebook: String = "nb.md", blobBytes: Int = 1000,
             date: Date = Date()) throws -> [CellKey] {
        let keys = Fixture.keys(sources)
        let shared = try cache.blobs.put(Fixture.bytes(500, seed: 200))
        for (index, key) in keys.enumerated() {
            let own = try cache.blobs.put(Data(sources[index].utf8) + Fixture.bytes(blobBytes, seed: 0))
            try cache.store(Fixture.entry(key, blobs: [own, shared]))
        }
        try cache.recordRun(notebook: notebook, keys: keys, date: date)
        return keys
    }

    func entryNames(_ cache: NotebookCache) -> Set<String> {
        Set(FileManager.default.files(in: cache.directory + "/entries"))
    }

    @Test func keepsTheLastRunsAndSweepsTheRest() throws {
        let cache = try dir.open()
        var chains: [[CellKey]] = []
        for version in 0..<7 {
            chains.append(try run(cache, ["a = 1", "b = \(version)", "c = 3"]))
        }
        // Entries of a run that never finished (not in runs.json).
        let stray = Fixture.keys(["zzz"])[0]
        let strayBlob = try cache.blobs.put(Data("stray".utf8))
        try cache.store(Fixture.entry(stray, blobs: [strayBlob]))

        let report = try cache.prune(PrunePolicy(keepRuns: 5, sizeBudget: 1 << 30))
        let kept = Set(chains.suffix(5).flatMap { $0 }.map(\.hex))
        #expect(entryNames(cache) == kept)
        #expect(kept.count == 1 + 5 * 2, "cell a is shared by every run")
        #expect(report.keptEntries == 11)
        #expect(report.removedEntries == 2 * 2 + 1)
        #expect(!cache.blobs.contains(strayBlob))
        // Blobs are by content: cells `a = 1` and `c = 3` have one blob each across all
        // runs, `b = v` one per version, plus the blob every cell shares.
        #expect(report.keptBlobs == 1 + 1 + 5 + 1)
        #expect(report.removedBlobs == 2 + 1)
        for chain in chains.suffix(5) {
            #expect(cache.lookup(keys: chain) == 2)
        }
        #expect(cache.lookup(keys: chains[0]) == 0, "only the shared first cell of an old run survives")
        #expect(cache.runLog().runs.count == 5)
    }

    @Test func runsAreKeptPerNotebook() throws {
        let cache = try dir.open()
        let other = try run(cache, ["other = 1"], notebook: "other.md")
        for version in 0..<3 { try run(cache, ["x = \(version)"]) }
        try cache.prune(PrunePolicy(keepRuns: 2, sizeBudget: 1 << 30))
        #expect(cache.lookup(keys: other) == 0, "another notebook's only run is kept")
        #expect(cache.runLog().runs.map(\.notebook) == ["other.md", "nb.md", "nb.md"])
        #expect(entryNames(cache).count == 3)
    }

    /// With a tight budget the newest run is kept as a prefix of its chain, then older runs.
    @Test func sizeBudgetKeepsTheNewestPrefix() throws {
        let cache = try dir.open()
        let old = try run(cache, ["old = 1", "old = 2"], blobBytes: 10_000)
        let new = try run(cache, ["new = 1", "new = 2", "new = 3"], blobBytes: 10_000)
        let entryBytes = FileIO.size(cache.entryPath(for: new[0])) ?? 0
        // Room for about two cells and the shared blob: the newest run's first two cells.
        let budget = 2 * (entryBytes + 10_010) + 500 + 100
        let report = try cache.prune(PrunePolicy(keepRuns: 5, sizeBudget: budget))
        #expect(entryNames(cache) == Set([new[0].hex, new[1].hex]))
        #expect(report.keptBytes <= budget)
        #expect(cache.lookup(keys: new) == 1)
        #expect(cache.lookup(keys: old) == nil)
        let info = NotebookCache.info(directory: cache.directory)
        #expect(info.entries == 2)
        #expect(info.blobs == 3)
    }

    /// A damaged entry on a kept chain is dropped with everything after it on that chain.
    @Test func damagedEntriesAreNotKept() throws {
        let cache = try dir.open()
        let keys = try run(cache, ["a", "b", "c"])
        try flipByte(at: 70, in: cache.entryPath(for: keys[1]))
        try cache.prune()
        #expect(entryNames(cache) == Set([keys[0].hex]))
    }

    @Test func damagedRunLogReadsAsEmpty() throws {
        let cache = try dir.open()
        try run(cache, ["a"])
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: cache.directory + "/runs.json"))
        #expect(cache.runLog() == RunLog())
        let keys = try run(cache, ["b"])
        try cache.prune()
        #expect(entryNames(cache) == Set([keys[0].hex]))
    }

    @Test func infoCountsWhatIsThere() throws {
        #expect(NotebookCache.info(directory: dir.cachePath) == CacheInfo(directory: dir.cachePath))
        #expect(!FileManager.default.fileExists(atPath: dir.cachePath), "info creates nothing")
        let cache = try dir.open()
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let keys = try run(cache, ["a", "b"], blobBytes: 4000, date: date)
        let info = NotebookCache.info(directory: cache.directory)
        #expect(info.exists)
        #expect(info.entries == 2)
        #expect(info.blobs == 3)
        #expect(info.runs == 1)
        #expect(info.lastRun == RunLog.Run(notebook: "nb.md", date: date, keys: keys))
        let entryBytes = keys.reduce(Int64(0)) { $0 + (FileIO.size(cache.entryPath(for: $1)) ?? 0) }
        #expect(info.totalBytes > entryBytes + 2 * 4001 + 500)
    }

    @Test func cleanRemovesTheCache() throws {
        let cache = try dir.open()
        try run(cache, ["a"])
        #expect(throws: CacheError.locked(directory: dir.cachePath, holder: getpid())) {
            try NotebookCache.clean(directory: dir.cachePath)
        }
        cache.close()
        #expect(try NotebookCache.clean(directory: dir.cachePath))
        #expect(FileManager.default.files(in: dir.path).isEmpty)
        #expect(try !NotebookCache.clean(directory: dir.cachePath), "nothing left to clean")
        let again = try dir.open()
        #expect(again.lookup(keys: Fixture.keys(["a"])) == nil)
    }

    /// A `clean` killed while deleting leaves `.labbook.removing.<pid>`; the next open
    /// finishes the job, and leaves alone what merely looks similar.
    @Test func interruptedCleanIsFinishedByTheNextOpen() throws {
        let dead = try deadProcessID()
        let fm = FileManager.default
        let abandoned = dir.cachePath + ".removing.\(dead)"
        try fm.createDirectory(atPath: abandoned + "/entries", withIntermediateDirectories: true)
        let unrelated = dir.cachePath + ".removing.notes"
        try fm.createDirectory(atPath: unrelated, withIntermediateDirectories: true)
        _ = try dir.open()
        #expect(fm.files(in: dir.path) == [".labbook", ".labbook.removing.notes"])
    }
}
