/// A read-only view of a zip archive held in memory: enough for numpy's `.npz` files and
/// Python wheels (stored or deflated members, zip64 sizes). Reads the central directory at
/// the end of the file, as zip readers must, rather than trusting local headers.
struct ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
    }

    let bytes: [UInt8]
    /// The members, in central-directory order.
    let entries: [Entry]

    /// True when `bytes` start like a zip file (a local header or an empty archive).
    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4b && (bytes[2] == 3 || bytes[2] == 5)
    }

    init(_ bytes: [UInt8]) throws(CodecFailure) {
        self.bytes = bytes
        let end = try Self.endOfCentralDirectory(bytes)
        var count = Int(Self.u16(bytes, end + 10))
        var offset = Int(Self.u32(bytes, end + 16))
        if count == 0xffff || offset == 0xffff_ffff {
            (count, offset) = try Self.zip64Directory(bytes, before: end)
        }
        guard count >= 0 else { throw CodecFailure(reason: "zip central directory is damaged") }
        var entries: [Entry] = []
        for _ in 0 ..< count {
            guard offset >= 0, offset + 46 <= bytes.count, Self.u32(bytes, offset) == 0x0201_4b50 else {
                throw CodecFailure(reason: "zip central directory is damaged")
            }
            let nameLength = Int(Self.u16(bytes, offset + 28))
            let extraLength = Int(Self.u16(bytes, offset + 30))
            let commentLength = Int(Self.u16(bytes, offset + 32))
            guard offset + 46 + nameLength + extraLength <= bytes.count else {
                throw CodecFailure(reason: "zip central directory is truncated")
            }
            var size = Int(Self.u32(bytes, offset + 24))
            var compressed = Int(Self.u32(bytes, offset + 20))
            var local = Int(Self.u32(bytes, offset + 42))
            // Zip64: the extra field 0x0001 holds, in this order, each field that reads 0xffffffff.
            var extra = offset + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let tag = Self.u16(bytes, extra), length = Int(Self.u16(bytes, extra + 2))
                if tag == 1 {
                    var field = extra + 4
                    func next() -> Int? {
                        guard field + 8 <= extra + 4 + length else { return nil }
                        defer { field += 8 }
                        return Int(truncatingIfNeeded: Self.u64(bytes, field))
                    }
                    if size == 0xffff_ffff, let value = next() { size = value }
                    if compressed == 0xffff_ffff, let value = next() { compressed = value }
                    if local == 0xffff_ffff, let value = next() { local = value }
                }
                extra += 4 + length
            }
            let name = String(decoding: bytes[(offset + 46) ..< (offset + 46 + nameLength)], as: UTF8.self)
            entries.append(Entry(name: name, method: Self.u16(bytes, offset + 10), crc: Self.u32(bytes, offset + 16),
                                 compressedSize: compressed, size: size, localHeaderOffset: local))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The uncompressed content of `entry`, its CRC-32 checked.
    func contents(of entry: Entry) throws(CodecFailure) -> [UInt8] {
        let local = entry.localHeaderOffset
        guard local >= 0, entry.compressedSize >= 0, entry.size >= 0, local + 30 <= bytes.count, Self.u32(bytes, local) == 0x0403_4b50 else {
            throw CodecFailure(reason: "zip member \(entry.name) has no local header")
        }
        // The local header's own name and extra lengths, which may differ from the central ones.
        let start = local + 30 + Int(Self.u16(bytes, local + 26)) + Int(Self.u16(bytes, local + 28))
        guard start + entry.compressedSize <= bytes.count else {
            throw CodecFailure(reason: "zip member \(entry.name) is truncated")
        }
        let data = Array(bytes[start ..< start + entry.compressedSize])
        let content: [UInt8]
        switch entry.method {
        case 0: content = data
        case 8: content = try Zlib.inflate(data, format: .raw, expectedSize: entry.size)
        default: throw CodecFailure(reason: "zip member \(entry.name) uses compression method \(entry.method) (only stored and deflated are supported)")
        }
        guard content.count == entry.size else {
            throw CodecFailure(reason: "zip member \(entry.name) holds \(content.count) bytes, its directory says \(entry.size)")
        }
        let crc = Zlib.crc32(content)
        guard crc == entry.crc else { throw CodecFailure(reason: "zip member \(entry.name) fails its CRC-32 check") }
        return content
    }

    private static func endOfCentralDirectory(_ bytes: [UInt8]) throws(CodecFailure) -> Int {
        // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
        guard bytes.count >= 22 else { throw CodecFailure(reason: "not a zip archive (too short)") }
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xffff)
        while at >= lowest {
            if u32(bytes, at) == 0x0605_4b50 { return at }
            at -= 1
        }
        throw CodecFailure(reason: "not a zip archive (no end of central directory)")
    }

    private static func zip64Directory(_ bytes: [UInt8], before end: Int) throws(CodecFailure) -> (Int, Int) {
        let locator = end - 20
        guard locator >= 0, u32(bytes, locator) == 0x0706_4b50 else {
            throw CodecFailure(reason: "zip64 archive without its locator")
        }
        let record = Int(truncatingIfNeeded: u64(bytes, locator + 8))
        guard record >= 0, record + 56 <= bytes.count, u32(bytes, record) == 0x0606_4b50 else {
            throw CodecFailure(reason: "zip64 end of central directory is damaged")
        }
        return (Int(truncatingIfNeeded: u64(bytes, record + 32)), Int(truncatingIfNeeded: u64(bytes, record + 48)))
    }

    static func u16(_ b: [UInt8], _ at: Int) -> UInt16 { UInt16(b[at]) | UInt16(b[at + 1]) << 8 }
    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 { UInt32(u16(b, at)) | UInt32(u16(b, at + 2)) << 16 }
    static func u64(_ b: [UInt8], _ at: Int) -> UInt64 { UInt64(u32(b, at)) | UInt64(u32(b, at + 4)) << 32 }
}
