import Foundation

/// `entries/<stem>.reads`: which parameter values the entries of one cell stem were made
/// with, so that a run can find the entry whose reads match its own parameters.
///
/// Which parameters a cell reads is known only after it ran, and its key hashes their
/// values; so the cache remembers, per stem, the reads of the entries stored under it (newest
/// first, at most `limit`). A lookup tries the entry that read nothing, then each recorded
/// set of names with this run's values. The index only proposes keys: an entry is used only
/// when it exists under the key computed from this run's own values, so a stale, lost or
/// damaged index costs a re-run, never a wrong result. An entry that read no parameter is
/// not indexed.
///
///     {"reads":[[{"literal":"128","name":"units"}],[{"literal":"32","name":"units"}]],"version":3}
struct ReadsIndex: CacheIndexFile, Equatable {
    var version = CacheFormat.version
    var reads: [[NotebookParameter]] = []

    static let suffix = ".reads"
    /// Sets remembered per stem: a sweep's points, a few edits back and forth.
    static let limit = 64

    /// The distinct sets of names recorded, newest first.
    var nameSets: [Set<String>] {
        var seen: [Set<String>] = []
        for set in reads {
            let names = Set(set.map(\.name))
            if !seen.contains(names) { seen.append(names) }
        }
        return seen
    }

    /// Puts `set` first.
    mutating func note(_ set: [NotebookParameter]) {
        reads.removeAll { $0 == set }
        reads.insert(set, at: 0)
        if reads.count > Self.limit { reads.removeLast(reads.count - Self.limit) }
    }
}

extension NotebookCache {
    func readsIndexPath(for stem: CellKey) -> String {
        entriesDirectory + "/" + stem.hex + ReadsIndex.suffix
    }

    /// Records that an entry of `stem` read `reads` (nothing to record when it read none).
    public func noteReads(_ reads: [NotebookParameter], stem: CellKey) throws(CacheError) {
        guard !reads.isEmpty else { return }
        let path = readsIndexPath(for: stem)
        var index = ReadsIndex.load(path)
        guard index.reads.first != reads else { return }
        index.note(reads)
        try index.save(path, durable: false)
    }

    /// The entry of the cell with stem `stem` for this run's `parameters`: the one that read
    /// no parameter, or one whose recorded reads have this run's values.
    ///
    /// Throws `.missing` when there is none (`changedParameters` then says which recorded
    /// read differs, for `--explain`), or the damage found.
    public func entry(stem: CellKey, parameters: [NotebookParameter]) throws(CacheProblem) -> CacheEntry {
        try Self.entry(stem: stem, parameters: parameters, entriesDirectory: entriesDirectory)
    }

    /// How many cells of `chain`, from the first, have an entry in the cache at `directory`
    /// (read without locking: for `labbook cache info`).
    public static func cachedCells(directory: String, chain: KeyChain) -> Int {
        var chain = chain
        while !chain.isComplete,
              let entry = try? entry(stem: chain.nextStem, parameters: chain.parameters,
                                     entriesDirectory: directory + "/entries") {
            chain.append(entry)
        }
        return chain.keys.count
    }

    static func entry(
        stem: CellKey, parameters: [NotebookParameter], entriesDirectory: String
    ) throws(CacheProblem) -> CacheEntry {
        let index = ReadsIndex.load(entriesDirectory + "/" + stem.hex + ReadsIndex.suffix)
        var candidates: [Set<String>] = [[]]
        for names in index.nameSets where !names.isEmpty { candidates.append(names) }
        let unread = CellKey(stem: stem, reads: [])
        for names in candidates {
            let reads = parameters.filter { names.contains($0.name) }
            guard reads.count == names.count else { continue }
            let key = names.isEmpty ? unread : CellKey(stem: stem, reads: reads)
            let path = entriesDirectory + "/" + key.hex
            let entry: CacheEntry
            do {
                entry = try self.entry(at: path, key: key)
            } catch .missing {
                continue
            }
            // The key hashes the reads, so this holds unless the entry was made wrongly.
            guard entry.reads == reads else { throw .undecodable(path: path, reason: "its reads do not match its key") }
            return entry
        }
        throw .missing(unread)
    }

    /// The parameters, among those an entry of `stem` read last, whose values in `parameters`
    /// differ from the recorded ones (front-matter order); empty when nothing is recorded.
    public func changedParameters(stem: CellKey, parameters: [NotebookParameter]) -> [String] {
        guard let last = ReadsIndex.load(readsIndexPath(for: stem)).reads.first else { return [] }
        return parameters.filter { current in
            last.contains { $0.name == current.name && $0.literal != current.literal }
        }.map(\.name)
    }
}
