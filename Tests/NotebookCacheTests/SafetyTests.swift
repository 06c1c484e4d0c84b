import Foundation
import Testing
@testable import NotebookCache

/// flock(1), which stands in for a concurrent `labbook run` holding the lock.
private let hasFlock = FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")

/// Interrupted writes, stale temporaries and concurrent runs.
@Suite struct SafetyTests {
    let dir = TestDirectory()

    /// A real process writes half a temporary entry next to the real one and is killed with
    /// SIGKILL mid-way; the next open removes its temporary and reads the old entry intact.
    @Test func killedWriterLeavesNothingThatReadsAsValid() throws {
        let keys = Fixture.keys(["x = 1"])
        let cache = try dir.open()
        try cache.store(Fixture.entry(keys[0], text: "old\n"))
        cache.close()

        let entries = dir.cachePath + "/entries"
        let full = try EntryFile.encode(Fixture.entry(keys[0], text: "new\n"))
        let half = dir.path + "/half"
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: half))
        // The child names the temporary as FileIO does, with its own pid, then dies by SIGKILL.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", #"cat "$1" > "$2/.$3.$$.abc123.tmp"; kill -9 $$"#, "sh", half, entries, keys[0].hex]
        try child.run()
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGKILL)
        let leftover = FileManager.default.files(in: entries).filter { $0.hasSuffix(".tmp") }
        #expect(leftover.count == 1, "the child left its partial temporary behind")

        let reopened = try dir.open()
        #expect(reopened.removedTemporaries == 1)
        #expect(FileManager.default.files(in: entries) == [keys[0].hex])
        #expect(try reopened.entry(for: keys[0]).outputs == [.stream("old\n")])
    }

    /// A partial blob temporary and a cut entry (as a non-atomic copy would leave): the
    /// temporary is cleaned, the entry is reported truncated and not used.
    @Test func partialBlobTemporaryAndCutEntry() throws {
        let keys = Fixture.keys(["x = 1", "y = 2"])
        let cache = try dir.open()
        let blob = try cache.blobs.put(Fixture.bytes(3000, seed: 1))
        try cache.store(Fixture.entry(keys[0], blobs: [blob]))
        try cache.store(Fixture.entry(keys[1], blobs: [blob]))
        cache.close()

        let fanOut = (dir.cachePath + "/blobs/ab")
        try FileManager.default.createDirectory(atPath: fanOut, withIntermediateDirectories: true)
        let deadPID = try deadProcessID()
        let temporary = fanOut + "/.ab\(String(repeating: "0", count: 62)).\(deadPID).ff.tmp"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: temporary))
        let entryPath = dir.cachePath + "/entries/" + keys[1].hex
        let entryData = try Data(contentsOf: URL(fileURLWithPath: entryPath))
        try entryData.prefix(entryData.count - 10).write(to: URL(fileURLWithPath: entryPath))

        let reopened = try dir.open()
        #expect(reopened.removedTemporaries == 1)
        #expect(!FileManager.default.fileExists(atPath: temporary))
        let scan = reopened.scan(keys: keys)
        #expect(scan.resumeIndex == 0)
        #expect(scan.damage == [CacheScan.Finding(
            index: 1, problem: .truncated(path: entryPath, expectedBytes: entryData.count, foundBytes: entryData.count - 10))])
    }

    /// Temporaries of a live writer are left alone unless older than a minute.
    @Test func staleTemporaryRules() throws {
        let folder = dir.path + "/t"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let live = getpid()
        let dead = try deadProcessID()
        let fresh = folder + "/.e.\(live).1.tmp"
        let old = folder + "/.f.\(live).2.tmp"
        let orphan = folder + "/.g.\(dead).3.tmp"
        let other = folder + "/notes.tmp"
        for path in [fresh, old, orphan, other] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        }
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-120)], ofItemAtPath: old)
        #expect(FileIO.removeStaleTemporaries(in: folder) == 2)
        #expect(FileManager.default.files(in: folder) == [".e.\(live).1.tmp", "notes.tmp"])
        #expect(FileIO.writerPID(ofTemporary: ".abc.1234.ff.tmp") == 1234)
        #expect(FileIO.writerPID(ofTemporary: "abc.1234.ff.tmp") == nil)
    }

    @Test func atomicWriteLeavesNoTemporary() throws {
        let path = dir.path + "/file"
        try FileIO.writeAtomically(Data("one".utf8), to: path)
        try FileIO.writeAtomically(Data("two".utf8), to: path)
        #expect(try FileIO.contents(of: path) == Data("two".utf8))
        #expect(FileManager.default.files(in: dir.path) == ["file"])
    }

    @Test func secondOpenFailsClearlyWhileTheFirstHoldsTheLock() throws {
        let first = try dir.open()
        #expect(throws: CacheError.locked(directory: dir.cachePath, holder: getpid())) { try dir.open(.fail) }
        #expect(throws: CacheError.locked(directory: dir.cachePath, holder: getpid())) { try dir.open(.wait(seconds: 0.1)) }
        #expect(CacheError.locked(directory: ".labbook", holder: 42).description
            == "the cache .labbook is in use by another labbook process (pid 42); wait for it to finish, or use --cache-dir to run with another cache")
        first.close()
        let second = try dir.open()
        second.close()
    }

    /// The lock is held by another process (`flock(1)`), as a concurrent `labbook run` would.
    @Test(.enabled(if: hasFlock, "needs flock(1) (util-linux)"))
    func lockHeldByAnotherProcess() throws {
        let cache = try dir.open()
        cache.close()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        let ready = dir.path + "/ready"
        // flock(1) takes the lock, creates `ready`, then waits on its stdin, which the test
        // closes to let it go.
        let input = Pipe()
        holder.standardInput = input
        holder.arguments = ["-c", #"exec flock "$1" sh -c 'touch "$0"; read line' "$2""#, "sh", dir.cachePath + "/lock", ready]
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        // Poll (not sleep-and-hope) until the holder has the lock.
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: ready) && Date() < deadline { usleep(10_000) }
        #expect(throws: CacheError.self) { try dir.open(.fail) }
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(try dir.open(.wait(seconds: 5)).directory == dir.cachePath)
    }

    /// `.wait` outlasts a holder that lets go: the holder keeps the lock for a moment after
    /// signalling, and the open, started meanwhile, gets it once the holder exits.
    @Test(.enabled(if: hasFlock, "needs flock(1) (util-linux)"))
    func waitingOpenGetsTheLockWhenTheHolderLetsGo() throws {
        try dir.open().close()
        let ready = dir.path + "/ready"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", #"exec flock "$1" sh -c 'touch "$0"; sleep 1' "$2""#, "sh", dir.cachePath + "/lock", ready]
        try holder.run()
        defer { holder.waitUntilExit() }
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: ready) && Date() < deadline { usleep(10_000) }
        #expect(holder.isRunning, "the holder still has the lock")
        #expect(throws: CacheError.self) { try dir.open(.fail) }
        let cache = try dir.open(.wait(seconds: 30))
        cache.close()
    }

    @Test func refusesAFolderThatIsNotACache() throws {
        let folder = dir.path + "/documents"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: URL(fileURLWithPath: folder + "/thesis.tex"))
        #expect(throws: CacheError.notACache(directory: folder)) { try NotebookCache(directory: folder) }
        #expect(throws: CacheError.notACache(directory: folder)) { try NotebookCache.clean(directory: folder) }
        #expect(FileManager.default.files(in: folder) == ["thesis.tex"])
    }

    @Test func newCacheIsTaggedAndIgnoredByGit() throws {
        let cache = try dir.open()
        #expect(FileManager.default.files(in: cache.directory) == [".gitignore", "CACHEDIR.TAG", "blobs", "entries", "lock"])
        #expect(try String(contentsOfFile: cache.directory + "/.gitignore", encoding: .utf8) == "*\n")
        #expect(NotebookCache.defaultDirectory(forNotebook: "/a/b/nb.md") == "/a/b/.labbook")
        #expect(NotebookCache.defaultDirectory(forNotebook: "nb.md") == "./.labbook")
    }
}

/// The pid of a process that has exited (and been reaped).
func deadProcessID() throws -> Int32 {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/sh")
    child.arguments = ["-c", "exit 0"]
    try child.run()
    child.waitUntilExit()
    return child.processIdentifier
}
