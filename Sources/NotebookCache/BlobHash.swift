import Foundation

/// The name of a blob: the SHA-256 of its content, as 64 lowercase hex digits.
///
///     let hash = BlobHash.of(Data("abc".utf8))
///     print(hash)   // ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
public struct BlobHash: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    let digest: Digest

    /// The hash as 64 lowercase hex digits.
    public var hex: String { digest.hex }
    public var description: String { digest.hex }

    /// A hash from its hex form; `nil` unless `hex` is exactly 64 lowercase hex digits.
    public init?(hex: String) {
        guard let digest = Digest(hex: hex) else { return nil }
        self.digest = digest
    }

    init(_ digest: Digest) { self.digest = digest }

    /// The SHA-256 of `data`: the name `BlobStore.put(data)` stores it under.
    public static func of<Bytes: DataProtocol>(_ data: Bytes) -> BlobHash {
        BlobHash(Digest(of: data))
    }

    public static func < (a: BlobHash, b: BlobHash) -> Bool { a.digest < b.digest }

    public init(from decoder: Decoder) throws {
        digest = try Digest(from: decoder, kind: "blob hash")
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
