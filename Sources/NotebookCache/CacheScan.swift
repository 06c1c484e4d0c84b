/// The result of `NotebookCache.scan(keys:)`: what a run can take from the cache.
///
///     let scan = cache.scan(keys: keys)
///     for finding in scan.damage { warn("\(finding.problem); recomputing") }
///     if let last = scan.resumeIndex {
///         restore(scan.entries[last].snapshot!)          // then run cells last+1...
///         outputs = scan.entries[0...last].map(\.outputs)
///     }
public struct CacheScan: Sendable {
    /// A problem met at cell `index`.
    public struct Finding: Sendable, Equatable {
        public var index: Int
        public var problem: CacheProblem
    }

    /// The valid entries of `keys[0..<entries.count]`: the unbroken prefix of cells whose
    /// outputs are cached.
    public var entries: [CacheEntry] = []
    /// The last index in that prefix whose snapshot is present and whose blobs are intact:
    /// restore its state and run the cells after it. `nil`: run everything.
    public var resumeIndex: Int?
    /// Why the prefix ended: the first key without a usable entry (`.missing` for a plain
    /// miss), or `nil` when every key had one.
    public var stop: Finding?
    /// Every damaged entry or blob found (the stop, if it was damage, and each snapshot that
    /// could not serve as the resume point), for the runner to report as warnings.
    public var damage: [Finding] = []
    /// `scan(_: KeyChain)`: the chain extended through `entries`.
    public var chain: KeyChain?
    /// `scan(_: KeyChain)`: the stem of the cell at `stop`.
    public var stopStem: CellKey?
    /// `scan(_: KeyChain)`: at the stop, the parameters the cell's last entry read with
    /// another value than this run's (why it runs again).
    public var changedParameters: [String] = []
}
