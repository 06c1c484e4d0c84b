import Foundation

/// The cache key of one cell: SHA-256 of everything that determines what the cell does.
///
/// The key hashes a canonical, length-prefixed encoding of, in order: a domain tag, the cache
/// format version, the engine version string, the previous cell's key (or a root marker for
/// the first cell), the cell's full source including its `#|` option lines, the parameters
/// (ordered name/literal pairs) and the seed. Because each key includes the previous one,
/// editing cell k changes the keys of cells k, k+1, ..., n and no earlier key; prose is not
/// an input, so editing it changes nothing.
///
///     let keys = CellKey.chain(
///         sources: ["x = 1", "print(x)"], engineVersion: "labbook 0.1",
///         parameters: [("epochs", "5")], seed: 0)
///     keys[1].hex   // 64 hex digits; changes if either cell, a parameter or the seed changes
///
/// Keys never involve Swift's `Hasher` (seeded per process): the same inputs give the same
/// key in every process, on every machine.
public struct CellKey: DigestName, Sendable {
    public let digest: Digest
    public static let kind = "cell key"

    public init(_ digest: Digest) { self.digest = digest }

    /// The first 12 hex digits, enough to tell keys apart in `--explain` output.
    public var short: String { String(digest.hex.prefix(12)) }

    /// The key of one cell given the key of the cell before it (`nil` for the first cell).
    ///
    /// - Parameters:
    ///   - previous: the previous cell's key, or `nil` for the notebook's first cell.
    ///   - source: the cell's full source, `#|` option lines included, exactly as read.
    ///   - engineVersion: names the interpreter, engine and snapshot-serialiser versions;
    ///     changing it invalidates every entry.
    ///   - parameters: the notebook's parameters after overrides, in a deterministic order
    ///     (front-matter order), each as its name and Python literal.
    ///   - seed: the notebook's seed.
    ///   - formatVersion: `CacheFormat.version`; a parameter only so tests can vary it.
    public init(
        previous: CellKey?, source: String, engineVersion: String,
        parameters: [NotebookParameter], seed: Int,
        formatVersion: Int = CacheFormat.version
    ) {
        var encoder = CanonicalEncoder()
        encoder.field("labbook-cell-key")
        encoder.field(String(formatVersion))
        encoder.field(engineVersion)
        encoder.field(previous.map { "key:" + $0.hex } ?? "root")
        encoder.field(source)
        encoder.count(parameters.count)
        for parameter in parameters {
            encoder.field(parameter.name)
            encoder.field(parameter.literal)
        }
        encoder.field(String(seed))
        digest = Digest(of: encoder.bytes)
    }

    /// The keys of a notebook's cells, each chained through the one before.
    ///
    /// `chain(...)[i]` depends on `sources[0...i]` and on the version, parameters and seed;
    /// so editing `sources[k]` changes exactly the keys at `k...`.
    public static func chain(
        sources: [String], engineVersion: String,
        parameters: [NotebookParameter], seed: Int,
        formatVersion: Int = CacheFormat.version
    ) -> [CellKey] {
        var keys: [CellKey] = []
        keys.reserveCapacity(sources.count)
        for source in sources {
            keys.append(CellKey(
                previous: keys.last, source: source, engineVersion: engineVersion,
                parameters: parameters, seed: seed, formatVersion: formatVersion))
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
