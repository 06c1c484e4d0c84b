import Foundation
import Testing
@testable import NotebookCache

@Suite struct LookupTests {
    let dir = TestDirectory()
    let keys = Fixture.keys(["a = 1", "b = 2", "c = 3", "d = 4", "e = 5"])

    /// Entries for the first `count` keys, each with its own blob.
    func populated(_ count: Int) throws -> (NotebookCache, [BlobHash]) {
        let cache = try dir.open()
        var blobs: [BlobHash] = []
        for index in 0..<count {
            let blob = try cache.blobs.put(Fixture.bytes(1000 + index, seed: UInt8(index)))
            try cache.store(Fixture.entry(keys[index], text: "cell \(index)\n", blobs: [blob]))
            blobs.append(blob)
        }
        return (cache, blobs)
    }

    @Test func emptyCacheResumesNowhere() throws {
        let cache = try dir.open()
        #expect(cache.lookup(keys: keys) == nil)
        let scan = cache.scan(keys: keys)
        #expect(scan.entries.isEmpty)
        #expect(scan.stop == CacheScan.Finding(index: 0, problem: .missing(keys[0])))
        #expect(scan.damage.isEmpty)
    }

    @Test func allCachedResumesAfterTheLastCell() throws {
        let (cache, _) = try populated(5)
        #expect(cache.lookup(keys: keys) == 4)
        let scan = cache.scan(keys: keys)
        #expect(scan.entries.map(\.outputs) == (0..<5).map { [.stream("cell \($0)\n")] })
        #expect(scan.stop == nil)
        #expect(scan.damage.isEmpty)
        #expect(cache.lookup(keys: []) == nil)
    }

    @Test func stopsAtTheFirstMiss() throws {
        let (cache, _) = try populated(5)
        try FileManager.default.removeItem(atPath: cache.entryPath(for: keys[2]))
        #expect(cache.lookup(keys: keys) == 1, "cells 3 and 4 are cached but unreachable past the miss")
        let scan = cache.scan(keys: keys)
        #expect(scan.entries.count == 2)
        #expect(scan.stop == CacheScan.Finding(index: 2, problem: .missing(keys[2])))
        #expect(scan.damage.isEmpty, "a plain miss is not damage")
    }

    @Test func stopsAtTheFirstDamagedEntryAndReportsIt() throws {
        let (cache, _) = try populated(5)
        let path = cache.entryPath(for: keys[3])
        try flipByte(at: 60, in: path)
        #expect(cache.lookup(keys: keys) == 2)
        let scan = cache.scan(keys: keys)
        #expect(scan.damage == [CacheScan.Finding(index: 3, problem: .checksumMismatch(path: path))])
    }

    /// A cell whose state blobs are gone still gives its outputs, but the run resumes from
    /// the cell before it.
    @Test func missingBlobMovesTheResumePointBack() throws {
        let (writer, blobs) = try populated(5)
        writer.close()
        try FileManager.default.removeItem(atPath: writer.blobs.path(for: blobs[4]))
        try flipByte(at: 3, in: writer.blobs.path(for: blobs[3]))
        let cache = try dir.open()  // a new run: nothing verified yet
        let scan = cache.scan(keys: keys)
        #expect(scan.resumeIndex == 2)
        #expect(scan.entries.count == 5)
        #expect(scan.damage == [
            CacheScan.Finding(index: 4, problem: .missingBlob(blobs[4], neededBy: keys[4])),
            CacheScan.Finding(index: 3, problem: .checksumMismatch(path: cache.blobs.path(for: blobs[3]))),
        ])
    }

    /// An entry without a snapshot supplies outputs but is not a point to resume from.
    @Test func entryWithoutSnapshotIsSkippedAsResumePoint() throws {
        let (cache, _) = try populated(2)
        var entry = Fixture.entry(keys[2])
        entry.snapshot = nil
        try cache.store(entry)
        let scan = cache.scan(keys: keys)
        #expect(scan.entries.count == 3)
        #expect(scan.resumeIndex == 1)
        #expect(scan.damage.isEmpty)
    }

    /// Editing cell 2 of the notebook: the new chain shares cells 0 and 1 with the cache.
    @Test func editedCellReusesTheCellsBeforeIt() throws {
        let (cache, _) = try populated(5)
        let edited = Fixture.keys(["a = 1", "b = 2", "c = 30", "d = 4", "e = 5"])
        #expect(cache.lookup(keys: edited) == 1)
    }

    /// Within one session a blob is verified once, but a blob cut short meanwhile is noticed.
    @Test func blobCutDuringASessionIsNoticed() throws {
        let (cache, blobs) = try populated(3)
        #expect(cache.lookup(keys: keys) == 2)
        let path = cache.blobs.path(for: blobs[2])
        try Data(try Data(contentsOf: URL(fileURLWithPath: path)).dropLast()).write(to: URL(fileURLWithPath: path))
        #expect(cache.lookup(keys: keys) == 1)
    }

    /// The resume point reflects the disk now, not an earlier verification.
    @Test func damageAfterALookupIsSeenByTheNext() throws {
        let (cache, _) = try populated(3)
        #expect(cache.lookup(keys: keys) == 2)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: cache.entryPath(for: keys[1])))
        #expect(cache.lookup(keys: keys) == 0)
    }
}
