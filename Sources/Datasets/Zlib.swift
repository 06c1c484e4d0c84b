import CZlib

/// Why a compressed stream could not be decoded (no file name: callers add it).
struct CodecFailure: Error, Equatable {
    let reason: String
}

/// The two zlib calls the dataset loaders need: gzip files (IDX `.gz`) and the raw
/// deflate streams inside zip archives (`.npz`, wheels). The only place that talks to zlib.
enum Zlib {
    /// The container around a deflate stream.
    enum Format {
        /// RFC 1952 gzip members (one or more, concatenated), as `gzip` writes them.
        case gzip
        /// A bare RFC 1951 stream, as a zip archive stores a deflated member.
        case raw

        /// zlib's `windowBits`: 15 + 16 selects the gzip wrapper, -15 no wrapper.
        var windowBits: Int32 { self == .gzip ? 15 + 16 : -15 }
    }

    /// True when `bytes` start with the gzip magic number.
    /// The CRC-32 of `bytes`, as zip and gzip members record it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, UInt32($0.count))) }
    }

    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Decompresses `input`. `expectedSize`, when known (gzip's trailer, a zip entry),
    /// sizes the output once so 47 MB of MNIST pixels inflate without regrowing.
    static func inflate(_ input: [UInt8], format: Format, expectedSize: Int? = nil)
        throws(CodecFailure) -> [UInt8]
    {
        guard !input.isEmpty else { throw CodecFailure(reason: "compressed data is empty") }
        // Sizes from trailers and directories are hints, not promises: a damaged file may claim
        // gigabytes. Deflate cannot expand more than 1032:1, and past 128 MB the buffer grows.
        let declared = expectedSize ?? (format == .gzip ? gzipTrailerSize(input) : nil) ?? input.count * 4
        let (ceiling, overflow) = input.count.multipliedReportingOverflow(by: 1032)
        var capacity = max(min(declared, overflow ? declared : ceiling, 1 << 27), 64)
        var output = [UInt8](repeating: 0, count: capacity)
        var produced = 0
        var stream = z_stream()
        guard inflateInit2_(&stream, format.windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw CodecFailure(reason: "zlib could not start inflating") }
        defer { inflateEnd(&stream) }

        var consumed = 0
        while true {
            if produced == capacity {
                capacity *= 2
                output.append(contentsOf: repeatElement(0, count: capacity - output.count))
            }
            let (status, read, written) = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + consumed)
                    stream.avail_in = UInt32(clamping: source.count - consumed)
                    stream.next_out = target.baseAddress! + produced
                    stream.avail_out = UInt32(clamping: capacity - produced)
                    let availIn = stream.avail_in, availOut = stream.avail_out
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, Int(availIn - stream.avail_in), Int(availOut - stream.avail_out))
                }
            }
            consumed += read
            produced += written
            switch status {
            case Z_STREAM_END:
                // gzip allows several members back to back; a zip member is exactly one stream.
                if format == .gzip, consumed < input.count, isGzip(Array(input[consumed...].prefix(2))) {
                    inflateReset(&stream)
                    continue
                }
                output.removeSubrange(produced...)
                return output
            case Z_OK:
                continue
            case Z_BUF_ERROR where produced == capacity:
                continue
            case Z_BUF_ERROR:
                throw CodecFailure(reason: "compressed data is truncated")
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw CodecFailure(reason: "compressed data is corrupt (\(message))")
            }
        }
    }

    /// Compresses `input` (level 6, zlib's default: 47 MB of pixels in well under a second).
    static func deflate(_ input: [UInt8], format: Format, level: Int32 = 6) throws(CodecFailure) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, format.windowBits, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw CodecFailure(reason: "zlib could not start deflating") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress ?? UnsafePointer(target.baseAddress!))
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress!
                stream.avail_out = UInt32(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw CodecFailure(reason: "zlib could not compress (error \(status))") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// The uncompressed size a single-member gzip file declares in its last four bytes.
    private static func gzipTrailerSize(_ input: [UInt8]) -> Int? {
        guard isGzip(input), input.count >= 18 else { return nil }
        let n = input.count  // ISIZE is little-endian
        return Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
    }
}
