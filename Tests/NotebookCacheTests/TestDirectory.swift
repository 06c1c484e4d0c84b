import Foundation
@testable import NotebookCache

/// A fresh temporary folder for one test, removed when the value goes away.
final class TestDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "labbook-cache-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The cache folder inside it.
    var cachePath: String { path + "/.labbook" }

    func open(_ waiting: LockWaiting = .fail) throws -> NotebookCache {
        try NotebookCache(directory: cachePath, waiting: waiting)
    }
}

/// Small fixtures shared by the tests.
enum Fixture {
    static let engine = "test-engine 1"
    static let parameters = [NotebookParameter("epochs", "5"), NotebookParameter("lr", "0.01")]

    /// The first cell reads every parameter.
    static let reads: [Set<String>] = [["epochs", "lr"]]

    static func keys(_ sources: [String], seed: Int = 0) -> [CellKey] {
        CellKey.chain(sources: sources, engineVersion: engine, parameters: parameters, seed: seed, reads: reads)
    }

    /// An entry whose snapshot refers to `blobs` (already stored by the caller).
    static func entry(_ key: CellKey, text: String = "hello\n", blobs: [BlobHash] = []) -> CacheEntry {
        var snapshot = StateSnapshot()
        snapshot.globals.append(.init(name: "x", kind: "int", inline: Data("42".utf8)))
        for (index, hash) in blobs.enumerated() {
            snapshot.globals.append(.init(name: "array\(index)", kind: "ndarray", blob: hash))
        }
        return CacheEntry(key: key, outputs: [.stream(text)], failed: false, duration: 0.5, snapshot: snapshot)
    }

    static func bytes(_ count: Int, seed: UInt8) -> Data {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) })
    }
}

extension FileManager {
    func files(in directory: String) -> [String] {
        ((try? contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}
