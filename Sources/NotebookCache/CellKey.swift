import Foundation

/// The cache key of one cell: SHA-256 of everything that determines what the cell does.
///
/// A key is made in two steps, because which parameters a cell reads is only known after it
/// ran. The cell's *stem* hashes a canonical, length-prefixed encoding of, in order: a domain
/// tag, the cache format version, the engine version string, the previous cell's key (or a
/// root marker for the first cell), the cell's full source including its `#|` option lines,
/// the parameters' names (not their values) and the seed. The cell's *key* hashes its stem
/// and the values of the parameters read so far: by the cell and every cell above it. So a
/// parameter no cell has read yet is in no key, and a run with another value for it reuses
/// the cells; editing cell k changes the keys of cells k, k+1, ..., n and no earlier key;
/// prose is not an input, so editing it changes nothing.
///
///     let keys = CellKey.chain(
///         sources: ["x = 1", "print(x * epochs)"], engineVersion: "labbook 0.1",
///         parameters: [NotebookParameter("epochs", "5")], seed: 0, reads: [[], ["epochs"]])
///     keys[1].hex   // 64 hex digits; changes with either cell, the seed or `epochs`
///
/// Keys never involve Swift's `Hasher` (seeded per process): the same inputs give the same
/// key in every process, on every machine.
public struct CellKey: DigestName, Sendable {
    public let digest: Digest
    public static let kind = "cell key"

    public init(_ digest: Digest) { self.digest = digest }

    /// The first 12 hex digits, enough to tell keys apart in `--explain` output.
    public var short: String { String(digest.hex.prefix(12)) }

    /// The stem of one cell given the key of the cell before it (`nil` for the first cell):
    /// everything but the parameters' values.
    ///
    /// - Parameters:
    ///   - previous: the previous cell's key, or `nil` for the notebook's first cell.
    ///   - source: the cell's full source, `#|` option lines included, exactly as read.
    ///   - engineVersion: names the interpreter, engine and snapshot-serialiser versions;
    ///     changing it invalidates every entry.
    ///   - parameterNames: the notebook's parameter names in front-matter order (declaring
    ///     or removing one changes the session's globals, so every key).
    ///   - seed: the notebook's seed.
    ///   - formatVersion: `CacheFormat.version`; a parameter only so tests can vary it.
    public static func stem(
        previous: CellKey?, source: String, engineVersion: String, parameterNames: [String], seed: Int,
        formatVersion: Int = CacheFormat.version
    ) -> CellKey {
        var encoder = CanonicalEncoder()
        encoder.field("labbook-cell-stem")
        encoder.field(String(formatVersion))
        encoder.field(engineVersion)
        encoder.field(previous.map { "key:" + $0.hex } ?? "root")
        encoder.field(source)
        encoder.count(parameterNames.count)
        for name in parameterNames { encoder.field(name) }
        encoder.field(String(seed))
        return CellKey(digest: Digest(of: encoder.bytes))
    }

    /// The key of a cell whose stem is `stem`, when the parameters read by it and the cells
    /// above it are `reads` (names with their values, in front-matter order).
    public init(stem: CellKey, reads: [NotebookParameter]) {
        var encoder = CanonicalEncoder()
        encoder.field("labbook-cell-key")
        encoder.field(stem.hex)
        encoder.count(reads.count)
        for parameter in reads {
            encoder.field(parameter.name)
            encoder.field(parameter.literal)
        }
        digest = Digest(of: encoder.bytes)
    }

    private init(digest: Digest) {
        self.digest = digest
    }

    /// The keys of a notebook's cells, each chained through the one before, when cell `i`
    /// reads the parameters named in `reads[i]` (none for a missing index).
    ///
    /// `chain(...)[i]` depends on `sources[0...i]`, the version, the parameter names, the seed
    /// and the values of the parameters in `reads[0...i]`; so editing `sources[k]` changes
    /// exactly the keys at `k...`.
    public static func chain(
        sources: [String], engineVersion: String,
        parameters: [NotebookParameter], seed: Int, reads: [Set<String>] = [],
        formatVersion: Int = CacheFormat.version
    ) -> [CellKey] {
        var keys: [CellKey] = []
        keys.reserveCapacity(sources.count)
        var read = Set<String>()
        for (index, source) in sources.enumerated() {
            if index < reads.count { read.formUnion(reads[index]) }
            let stem = stem(
                previous: keys.last, source: source, engineVersion: engineVersion,
                parameterNames: parameters.map(\.name), seed: seed, formatVersion: formatVersion)
            keys.append(CellKey(stem: stem, reads: parameters.filter { read.contains($0.name) }))
        }
        return keys
    }

}

/// Writes fields as `length (8 bytes, big-endian) + bytes`, so no two different field lists
/// encode to the same bytes (`["ab", "c"]` and `["a", "bc"]` differ).
struct CanonicalEncoder {
    private(set) var bytes = Data()

    mutating func field(_ text: String) {
        let utf8 = Data(text.utf8)
        count(utf8.count)
        bytes.append(utf8)
    }

    mutating func count(_ value: Int) {
        var bigEndian = UInt64(value).bigEndian
        withUnsafeBytes(of: &bigEndian) { bytes.append(contentsOf: $0) }
    }
}
