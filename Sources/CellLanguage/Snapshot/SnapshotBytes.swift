import Foundation

/// Little-endian primitive encoding shared by the snapshot writer and reader.
struct ByteWriter {
    private(set) var data = Data()

    mutating func byte(_ value: UInt8) { data.append(value) }

    mutating func u32(_ value: Int) {
        var v = UInt32(truncatingIfNeeded: value).littleEndian
        withUnsafeBytes(of: &v) { data.append(contentsOf: $0) }
    }

    mutating func i64(_ value: Int) {
        var v = Int64(value).littleEndian
        withUnsafeBytes(of: &v) { data.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { data.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        u32(utf8.count)
        data.append(contentsOf: utf8)
    }

    mutating func optionalString(_ text: String?) {
        if let text {
            byte(1)
            string(text)
        } else {
            byte(0)
        }
    }

    mutating func bytes(_ bytes: Data) {
        u32(bytes.count)
        data.append(bytes)
    }

    mutating func raw<T>(_ values: [T]) {
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and throws
/// `SnapshotError.malformed` instead of trapping.
struct ByteReader {
    let data: [UInt8]
    private(set) var offset = 0

    init(_ data: Data) { self.data = [UInt8](data) }

    var isAtEnd: Bool { offset == data.count }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= data.count - offset else {
            throw SnapshotError.malformed("unexpected end of data at byte \(offset)")
        }
        defer { offset += count }
        return data[offset..<(offset + count)]
    }

    mutating func byte() throws -> UInt8 { try take(1).first ?? 0 }

    mutating func u32() throws -> Int {
        var v: UInt32 = 0
        for (i, b) in try take(4).enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
        return Int(v)
    }

    mutating func u64() throws -> UInt64 {
        var v: UInt64 = 0
        for (i, b) in try take(8).enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return v
    }

    mutating func i64() throws -> Int { Int(Int64(bitPattern: try u64())) }

    mutating func string() throws -> String {
        let count = try u32()
        let bytes = try take(count)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SnapshotError.malformed("a string is not UTF-8")
        }
        return text
    }

    mutating func optionalString() throws -> String? {
        try byte() == 0 ? nil : try string()
    }

    mutating func bytes() throws -> Data { Data(try take(try u32())) }

    /// `count` values of a trivial type, as `ByteWriter.raw` wrote them.
    mutating func raw<T>(_: T.Type, count: Int) throws -> [T] {
        let size = MemoryLayout<T>.stride
        guard count >= 0, count <= (data.count - offset) / max(size, 1) else {
            throw SnapshotError.malformed("array of \(count) elements exceeds the data")
        }
        let slice = try take(count * size)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            slice.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = count
        }
    }
}
