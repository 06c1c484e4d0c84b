import Foundation

/// A minimal PNG writer for 8-bit greyscale, RGB or RGBA images: zlib stream of *stored* (uncompressed) deflate
/// blocks, so no compression library is needed and the bytes depend only on the pixels.
///
///     let png = PNGEncoder.encode(width: 2, height: 1, rgb: [255, 0, 0, 0, 0, 255])
///     // 0x89 'P' 'N' 'G' ... IHDR, IDAT, IEND
public enum PNGEncoder {
    /// `rgb` holds `width × height × 3` bytes, row by row from the top. When every pixel is
    /// grey the file is written as greyscale (one byte per pixel, a third of the size).
    static func encode(width: Int, height: Int, rgb: [UInt8]) -> [UInt8] {
        precondition(rgb.count == width * height * 3, "internal: pixel buffer size")
        var grey = true
        var i = 0
        while grey && i < rgb.count { grey = rgb[i] == rgb[i + 1] && rgb[i] == rgb[i + 2]; i += 3 }
        guard grey else { return encode(width: width, height: height, channels: 3, pixels: rgb) }
        return encode(width: width, height: height, channels: 1,
                      pixels: stride(from: 0, to: rgb.count, by: 3).map { rgb[$0] })
    }

    /// An 8-bit PNG of `channels` 1 (grey), 3 (RGB) or 4 (RGBA) bytes per pixel; `pixels` holds
    /// `width × height × channels` bytes, row by row from the top.
    public static func encode(width: Int, height: Int, channels: Int, pixels: [UInt8]) -> [UInt8] {
        precondition([1, 3, 4].contains(channels) && pixels.count == width * height * channels, "internal: pixel buffer size")
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (width * channels + 1))
        for row in 0..<height {
            raw.append(0)  // filter type None
            raw.append(contentsOf: pixels[(row * width * channels)..<((row + 1) * width * channels)])
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        // Bit depth 8, colour type 0 (grey), 2 (RGB) or 6 (RGBA), deflate, no filter, no interlace.
        header += [8, channels == 1 ? 0 : channels == 3 ? 2 : 6, 0, 0, 0]
        png += chunk("IHDR", header)
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return png
    }

    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final: UInt8 = offset + length == data.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xFF), UInt8(length >> 8)]
            out += [UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        out += bigEndian(adler32(data))
        return out
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return (b << 16) | a
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
