/// The IDX format of the original MNIST files: a big-endian header (two zero bytes, a type
/// code, the number of dimensions, then one UInt32 per dimension) followed by the data.
/// Only unsigned bytes (type 0x08) are used by the MNIST family.
enum IDXFile {
    static let unsignedByte: UInt8 = 0x08

    /// Parses an uncompressed IDX file, checking the header against the data length.
    static func parse(_ file: [UInt8]) throws(CodecFailure) -> UInt8Array {
        guard file.count >= 4, file[0] == 0, file[1] == 0 else {
            throw CodecFailure(reason: "not an IDX file (the first two bytes must be zero)")
        }
        guard file[2] == unsignedByte else {
            throw CodecFailure(reason: "IDX element type 0x\(String(file[2], radix: 16)) is not unsigned bytes (0x08)")
        }
        let rank = Int(file[3])
        let headerSize = 4 + 4 * rank
        guard rank >= 1, file.count >= headerSize else {
            throw CodecFailure(reason: "IDX header is truncated")
        }
        var shape: [Int] = []
        for d in 0 ..< rank {
            let at = 4 + 4 * d
            shape.append(Int(file[at]) << 24 | Int(file[at + 1]) << 16 | Int(file[at + 2]) << 8 | Int(file[at + 3]))
        }
        guard let expected = UInt8Array.elementCount(shape), file.count - headerSize == expected else {
            throw CodecFailure(reason: "IDX header declares shape \(shape) (\(UInt8Array.elementCount(shape).map(String.init) ?? "too many") bytes) but the file holds \(file.count - headerSize) bytes of data")
        }
        return UInt8Array(unchecked: shape, Array(file[headerSize...]))
    }

    /// The IDX header that `parse` reads back as `shape`.
    static func header(for shape: [Int]) -> [UInt8] {
        var header: [UInt8] = [0, 0, unsignedByte, UInt8(shape.count)]
        for extent in shape {
            let e = UInt32(extent)
            header += [UInt8(e >> 24), UInt8(e >> 16 & 0xff), UInt8(e >> 8 & 0xff), UInt8(e & 0xff)]
        }
        return header
    }

    /// The whole uncompressed IDX file for `array`.
    static func encode(_ array: UInt8Array) -> [UInt8] {
        header(for: array.shape) + array.bytes
    }
}
