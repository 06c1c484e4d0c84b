import Foundation
import Testing
@testable import NotebookCache

@Suite struct BlobStoreTests {
    @Test func hashIsSHA256OfTheContent() {
        // FIPS 180-2's test vector for "abc".
        #expect(BlobHash.of(Data("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func putStoresUnderFanOutAndReadsBack() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let data = Fixture.bytes(10_000, seed: 1)
        let hash = try cache.blobs.put(data)
        #expect(hash == BlobHash.of(data))
        #expect(cache.blobs.path(for: hash) == cache.directory + "/blobs/" + hash.hex.prefix(2) + "/" + hash.hex)
        #expect(FileManager.default.fileExists(atPath: cache.blobs.path(for: hash)))
        #expect(try cache.blobs.data(for: hash) == data)
    }

    @Test func putTwiceKeepsOneFile() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let data = Fixture.bytes(4096, seed: 2)
        let first = try cache.blobs.put(data)
        let path = cache.blobs.path(for: first)
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        let second = try cache.blobs.put(Data(data))
        #expect(first == second)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode)
        let fanOut = (path as NSString).deletingLastPathComponent
        #expect(FileManager.default.files(in: fanOut) == [first.hex])
        // A second session (fresh memo) also finds it and writes nothing.
        cache.close()
        let reopened = try dir.open()
        #expect(try reopened.blobs.put(data) == first)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode)
    }

    @Test func emptyBlobRoundTrips() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let hash = try cache.blobs.put(Data())
        #expect(hash.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try cache.blobs.data(for: hash) == Data())
    }

    @Test func corruptedByteIsAChecksumMismatch() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let hash = try cache.blobs.put(Fixture.bytes(1000, seed: 3))
        let path = cache.blobs.path(for: hash)
        try flipByte(at: 500, in: path)
        #expect(throws: CacheProblem.checksumMismatch(path: path)) { try cache.blobs.data(for: hash) }
        #expect(throws: CacheProblem.checksumMismatch(path: path)) { try cache.blobs.verify(hash) }
    }

    @Test func deletedBlobIsMissing() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let hash = try cache.blobs.put(Fixture.bytes(100, seed: 4))
        try cache.blobs.verify(hash)
        try FileManager.default.removeItem(atPath: cache.blobs.path(for: hash))
        #expect(!cache.blobs.contains(hash))
        #expect(throws: CacheProblem.missingBlob(hash, neededBy: nil)) { try cache.blobs.verify(hash) }
    }

    /// `put` of content whose stored copy is damaged repairs it instead of keeping the damage.
    @Test func putRepairsADamagedCopy() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let data = Fixture.bytes(1000, seed: 5)
        let hash = try cache.blobs.put(data)
        try flipByte(at: 10, in: cache.blobs.path(for: hash))
        cache.close()
        let reopened = try dir.open()
        #expect(try reopened.blobs.put(data) == hash)
        #expect(try reopened.blobs.data(for: hash) == data)
    }
}

/// Inverts one byte of a file in place.
func flipByte(at offset: Int, in path: String) throws {
    var data = try Data(contentsOf: URL(fileURLWithPath: path))
    data[offset] ^= 0xff
    try data.write(to: URL(fileURLWithPath: path))
}
