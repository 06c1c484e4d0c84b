import Crypto
import Foundation

/// The on-disk form of a `CacheEntry`: a fixed 56-byte header, then a JSON document.
///
///     offset  size  field
///          0     8  magic "LBKENTRY"
///          8     4  format version, big-endian (CacheFormat.version)
///         12     4  reserved, zero
///         16     8  payload length in bytes, big-endian
///         24    32  SHA-256 of the payload
///         56     n  payload: the entry as JSON (sorted keys, so the bytes are deterministic)
///
/// Decoding checks each of these in turn, so every way a file can be wrong maps to one
/// `CacheProblem`: too short or cut (`truncated`), not ours (`foreign`), another version
/// (`unsupportedVersion`), bytes changed (`checksumMismatch`), or a document that does not
/// decode or names another key (`undecodable`).
enum EntryFile {
    static let magic = Array("LBKENTRY".utf8)
    static let headerSize = 56

    static func encode(_ entry: CacheEntry) throws(CacheError) -> Data {
        let payload: Data
        do {
            payload = try makeEncoder().encode(entry)
        } catch {
            throw .encoding(String(describing: error))
        }
        var data = Data(capacity: headerSize + payload.count)
        data.append(contentsOf: magic)
        appendBigEndian(UInt32(CacheFormat.version), to: &data)
        appendBigEndian(UInt32(0), to: &data)
        appendBigEndian(UInt64(payload.count), to: &data)
        data.append(contentsOf: SHA256.hash(data: payload))
        data.append(payload)
        return data
    }

    /// Decodes an entry file read from `path`, expected to hold the entry for `key`.
    static func decode(_ data: Data, path: String, key: CellKey) throws(CacheProblem) -> CacheEntry {
        let bytes = [UInt8](data)
        let magicPrefix = bytes.prefix(magic.count)
        guard magicPrefix.elementsEqual(magic.prefix(magicPrefix.count)) else { throw .foreign(path: path) }
        guard bytes.count >= headerSize else {
            throw .truncated(path: path, expectedBytes: headerSize, foundBytes: bytes.count)
        }
        let version = Int(readBigEndian(UInt32.self, bytes, at: 8))
        guard version == CacheFormat.version else {
            throw .unsupportedVersion(path: path, found: version, supported: CacheFormat.version)
        }
        let length = readBigEndian(UInt64.self, bytes, at: 16)
        let available = UInt64(bytes.count - headerSize)
        guard length <= available else {
            // A forged length near 2^64 must not overflow the message's arithmetic.
            let expected = length > UInt64(Int.max - headerSize) ? Int.max : headerSize + Int(length)
            throw .truncated(path: path, expectedBytes: expected, foundBytes: bytes.count)
        }
        // Extra bytes after the payload are damage too: the header no longer describes the file.
        guard length == available else { throw .checksumMismatch(path: path) }
        let payload = Data(bytes[headerSize...])
        guard SHA256.hash(data: payload).elementsEqual(bytes[24..<56]) else {
            throw .checksumMismatch(path: path)
        }
        let entry: CacheEntry
        do {
            entry = try makeDecoder().decode(CacheEntry.self, from: payload)
        } catch {
            throw .undecodable(path: path, reason: String(describing: error))
        }
        guard entry.key == key else {
            throw .undecodable(path: path, reason: "it holds the entry of cell key \(entry.key.short)")
        }
        return entry
    }

    // NaN and infinities occur in real outputs (a diverging loss), so they are spelled out.
    private static let nonConforming = (positive: "inf", negative: "-inf", nan: "nan")

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonConforming.positive, negativeInfinity: nonConforming.negative,
            nan: nonConforming.nan)
        encoder.dataEncodingStrategy = .base64
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonConforming.positive, negativeInfinity: nonConforming.negative,
            nan: nonConforming.nan)
        decoder.dataDecodingStrategy = .base64
        return decoder
    }

    private static func appendBigEndian<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        var bigEndian = value.bigEndian
        withUnsafeBytes(of: &bigEndian) { data.append(contentsOf: $0) }
    }

    private static func readBigEndian<T: FixedWidthInteger>(_: T.Type, _ bytes: [UInt8], at offset: Int) -> T {
        var value: T = 0
        for byte in bytes[offset..<(offset + MemoryLayout<T>.size)] {
            value = value << 8 | T(byte)
        }
        return value
    }
}
