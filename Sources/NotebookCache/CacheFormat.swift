/// The version of everything the cache writes: the cell-key encoding, the entry file layout
/// and the entry document. Bumping it changes every cell key, so old entries are never read
/// again (they are simply not found) and `prune` removes them.
///
/// What the *snapshot serialiser* writes inside a `StateSnapshot` is versioned by the engine
/// version string the runner passes to `CellKey` (it should name the serialiser's version too).
public enum CacheFormat {
    /// Current format version.
    public static let version = 3
}
