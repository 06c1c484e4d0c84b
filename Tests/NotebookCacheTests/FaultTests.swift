import Foundation
import Testing
@testable import NotebookCache

/// Every way an entry or blob on disk can be wrong gives its own `CacheProblem`, never a
/// crash and never a wrong entry.
@Suite struct FaultTests {
    let dir = TestDirectory()
    let keys = Fixture.keys(["a = 1", "b = 2", "c = 3"])

    /// A cache holding entries for `keys`, the middle one referring to a blob.
    func populated() throws -> (NotebookCache, BlobHash) {
        let cache = try dir.open()
        let blob = try cache.blobs.put(Fixture.bytes(5000, seed: 7))
        try cache.store(Fixture.entry(keys[0]))
        try cache.store(Fixture.entry(keys[1], blobs: [blob]))
        try cache.store(Fixture.entry(keys[2]))
        return (cache, blob)
    }

    func rewrite(_ path: String, _ change: (inout Data) -> Void) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        change(&data)
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test func missingEntryIsAPlainMiss() throws {
        let cache = try dir.open()
        #expect(throws: CacheProblem.missing(keys[0])) { try cache.entry(for: keys[0]) }
        #expect(!CacheProblem.missing(keys[0]).isDamage)
    }

    @Test func corruptedPayloadByteIsAChecksumMismatch() throws {
        let (cache, _) = try populated()
        let path = cache.entryPath(for: keys[0])
        try rewrite(path) { $0[$0.count - 3] ^= 0x01 }
        #expect(throws: CacheProblem.checksumMismatch(path: path)) { try cache.entry(for: keys[0]) }
    }

    @Test func corruptedChecksumIsAChecksumMismatch() throws {
        let (cache, _) = try populated()
        let path = cache.entryPath(for: keys[0])
        try rewrite(path) { $0[30] ^= 0x80 }
        #expect(throws: CacheProblem.checksumMismatch(path: path)) { try cache.entry(for: keys[0]) }
    }

    @Test func truncatedEntryIsTruncated() throws {
        let (cache, _) = try populated()
        let path = cache.entryPath(for: keys[1])
        let full = try Data(contentsOf: URL(fileURLWithPath: path)).count
        try rewrite(path) { $0 = $0.prefix(full / 2) }
        #expect(throws: CacheProblem.truncated(path: path, expectedBytes: full, foundBytes: full / 2)) {
            try cache.entry(for: keys[1])
        }
        // Cut inside the header.
        try rewrite(path) { $0 = $0.prefix(20) }
        #expect(throws: CacheProblem.truncated(path: path, expectedBytes: EntryFile.headerSize, foundBytes: 20)) {
            try cache.entry(for: keys[1])
        }
        // Cut inside the magic, down to nothing.
        for length in [3, 0] {
            try rewrite(path) { $0 = $0.prefix(length) }
            #expect(throws: CacheProblem.truncated(path: path, expectedBytes: EntryFile.headerSize, foundBytes: length)) {
                try cache.entry(for: keys[1])
            }
        }
    }

    @Test func absurdLengthIsTruncationNotACrash() throws {
        let (cache, _) = try populated()
        let path = cache.entryPath(for: keys[0])
        try rewrite(path) { data in
            for offset in 16..<24 { data[offset] = 0xff }
        }
        #expect {
            try cache.entry(for: keys[0])
        } throws: { error in
            guard case .truncated(_, let expected, _) = error as? CacheProblem else { return false }
            return expected == Int.max
        }
    }

    @Test func trailingBytesAreDamage() throws {
        let (cache, _) = try populated()
        let path = cache.entryPath(for: keys[0])
        try rewrite(path) { $0.append(contentsOf: [1, 2, 3]) }
        #expect(throws: CacheProblem.checksumMismatch(path: path)) { try cache.entry(for: keys[0]) }
    }

    @Test func garbageIsForeign() throws {
        let (cache, _) = try populated()
        let path = cache.entryPath(for: keys[0])
        try Data("{\"this\": \"is not an entry\"}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CacheProblem.foreign(path: path)) { try cache.entry(for: keys[0]) }
        try Data((0..<300).map { UInt8(truncatingIfNeeded: $0 * 7919) }).write(to: URL(fileURLWithPath: path))
        #expect(throws: CacheProblem.foreign(path: path)) { try cache.entry(for: keys[0]) }
    }

    @Test func otherFormatVersionIsUnsupported() throws {
        let (cache, _) = try populated()
        let path = cache.entryPath(for: keys[0])
        try rewrite(path) { $0[11] = 99 }  // the version's low byte
        #expect(throws: CacheProblem.unsupportedVersion(path: path, found: 99, supported: CacheFormat.version)) {
            try cache.entry(for: keys[0])
        }
    }

    /// A valid entry under another key's name (a copied or renamed file) is not taken.
    @Test func entryUnderTheWrongNameIsUndecodable() throws {
        let (cache, _) = try populated()
        try FileManager.default.removeItem(atPath: cache.entryPath(for: keys[0]))
        try FileManager.default.copyItem(atPath: cache.entryPath(for: keys[2]), toPath: cache.entryPath(for: keys[0]))
        #expect {
            try cache.entry(for: keys[0])
        } throws: { error in
            guard case .undecodable(let path, let reason) = error as? CacheProblem else { return false }
            return path == cache.entryPath(for: keys[0]) && reason.contains(keys[2].short)
        }
    }

    /// Checksum right, document wrong: what an incompatible build of the same version would leave.
    @Test func validHeaderOverABadDocumentIsUndecodable() throws {
        let (cache, _) = try populated()
        let path = cache.entryPath(for: keys[0])
        var data = try EntryFile.encode(Fixture.entry(keys[0]))
        let payload = Data("{\"key\": 3}".utf8)
        data = data.prefix(16)
        var length = UInt64(payload.count).bigEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(BlobHash.of(payload).digestBytes)
        data.append(payload)
        try data.write(to: URL(fileURLWithPath: path))
        #expect {
            try cache.entry(for: keys[0])
        } throws: { error in
            guard case .undecodable(let problemPath, _) = error as? CacheProblem else { return false }
            return problemPath == path
        }
    }

    @Test func deletedBlobMakesTheEntryNoResumePoint() throws {
        let (cache, blob) = try populated()
        try FileManager.default.removeItem(atPath: cache.blobs.path(for: blob))
        // The entry itself still reads (its outputs are fine)...
        #expect(try cache.entry(for: keys[1]).key == keys[1])
        // ...but its state cannot be restored.
        let snapshot = try #require(try cache.entry(for: keys[1]).snapshot)
        #expect(throws: CacheProblem.missingBlob(blob, neededBy: keys[1])) {
            try cache.verifyBlobs(of: snapshot, neededBy: keys[1])
        }
    }

    /// Problems read as sentences a warning can show.
    @Test func problemsDescribeThemselves() {
        let path = "/nb/.labbook/entries/x"
        #expect(CacheProblem.truncated(path: path, expectedBytes: 100, foundBytes: 40).description
            == "cache file /nb/.labbook/entries/x is truncated (40 of 100 bytes)")
        #expect(CacheProblem.checksumMismatch(path: path).description
            == "cache file /nb/.labbook/entries/x is damaged (checksum mismatch)")
        #expect(CacheProblem.unsupportedVersion(path: path, found: 9, supported: 1).description
            == "cache file /nb/.labbook/entries/x has format version 9; this Labbook reads version 1")
        #expect(CacheProblem.missingBlob(BlobHash.of(Data()), neededBy: keys[0]).description
            == "cache blob e3b0c44298fc needed by cell key \(keys[0].short) is missing")
    }
}

extension BlobHash {
    /// The 32 raw bytes of the hash (to forge headers in tests).
    var digestBytes: Data {
        var bytes = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}
