import Foundation

/// The name of a blob: the SHA-256 of its content, as 64 lowercase hex digits.
///
///     let hash = BlobHash.of(Data("abc".utf8))
///     print(hash)   // ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
public struct BlobHash: DigestName, Sendable {
    public let digest: Digest
    public static let kind = "blob hash"

    public init(_ digest: Digest) { self.digest = digest }

    /// The SHA-256 of `data`: the name `BlobStore.put(data)` stores it under.
    public static func of<Bytes: DataProtocol>(_ data: Bytes) -> BlobHash {
        BlobHash(Digest(of: data))
    }
}
