import Crypto
import Foundation

/// A SHA-256 digest as 64 lowercase hex digits: the name of a cell key or a blob.
///
/// Only validated hex ever becomes a `Digest`, so a digest is always safe to use as a file
/// name (no `/`, no `..`), even when it was decoded from a file on disk.
public struct Digest: Hashable, Sendable, Comparable {
    public let hex: String

    init?(hex: String) {
        guard hex.utf8.count == 64,
              hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.hex = hex
    }

    /// SHA-256 of `bytes`.
    init<Bytes: DataProtocol>(of bytes: Bytes) {
        self.hex = Self.hex(SHA256.hash(data: bytes))
    }

    init(_ digest: SHA256.Digest) {
        self.hex = Self.hex(digest)
    }

    public static func < (a: Digest, b: Digest) -> Bool { a.hex < b.hex }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Decodes and encodes a digest as a bare JSON string, rejecting anything but 64 hex digits.
extension Digest {
    init(from decoder: Decoder, kind: String) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = Digest(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(kind) is not 64 lowercase hex digits: \(text.prefix(80))")
        }
        self = digest
    }
}

/// A name made of one digest (`CellKey`, `BlobHash`): its hex form, order, and JSON form (a
/// bare string of 64 hex digits) come from the digest.
public protocol DigestName: Hashable, Comparable, Codable, CustomStringConvertible {
    var digest: Digest { get }
    init(_ digest: Digest)
    /// What the name is called in decoding errors: `cell key`, `blob hash`.
    static var kind: String { get }
}

extension DigestName {
    /// The name as 64 lowercase hex digits.
    public var hex: String { digest.hex }
    public var description: String { digest.hex }

    /// A name from its hex form; `nil` unless `hex` is exactly 64 lowercase hex digits.
    public init?(hex: String) {
        guard let digest = Digest(hex: hex) else { return nil }
        self.init(digest)
    }

    public static func < (a: Self, b: Self) -> Bool { a.digest < b.digest }

    public init(from decoder: Decoder) throws {
        self.init(try Digest(from: decoder, kind: Self.kind))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
