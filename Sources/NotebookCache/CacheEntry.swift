import CellOutput
import Foundation

/// What the cache remembers about one run of one cell: its outputs, whether it failed, how
/// long it took, and the session state after it.
///
///     let entry = CacheEntry(key: keys[2], outputs: [.stream("hello\n")], failed: false,
///                            duration: 0.25, snapshot: snapshot)
///     try cache.store(entry)
public struct CacheEntry: Sendable, Equatable, Codable {
    /// The cell's key; the entry is stored under it (and checked against it when read).
    public var key: CellKey
    /// The cell's outputs, in order, exactly as the report shows them.
    public var outputs: [OutputPart]
    /// Whether the cell raised (its last output part is then usually `.error`).
    public var failed: Bool
    /// Seconds the cell took when it actually ran.
    public var duration: Double
    /// The session state after the cell, or `nil` when it could not be captured; such an
    /// entry still supplies the cell's outputs but cannot be a point to resume from.
    public var snapshot: StateSnapshot?
    /// The cell's stem (`CellKey.stem`), whose reads index lists this entry's `reads`.
    public var stem: CellKey?
    /// The parameters read by the cell and every cell above it, with the values they had,
    /// in front-matter order: the key is `CellKey(stem: stem, reads: reads)`.
    public var reads: [NotebookParameter]

    public init(
        key: CellKey, outputs: [OutputPart], failed: Bool, duration: Double, snapshot: StateSnapshot?,
        stem: CellKey? = nil, reads: [NotebookParameter] = []
    ) {
        self.key = key
        self.stem = stem
        self.reads = reads
        self.outputs = outputs
        self.failed = failed
        self.duration = duration
        self.snapshot = snapshot
    }
}
