/// numpy's `.npy` format (format versions 1-3): the magic `\x93NUMPY`, a version, a header
/// length, a Python dict literal `{'descr': '|u1', 'fortran_order': False, 'shape': (60000, 28, 28), }`,
/// then the raw elements. Integer arrays are accepted and narrowed to bytes when every
/// value fits (some hand-made MNIST `.npz` files store the labels as int64).
enum NPYFile {
    static func parse(_ file: [UInt8]) throws(CodecFailure) -> UInt8Array {
        let magic: [UInt8] = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]  // \x93NUMPY
        guard file.count >= 10, Array(file[0 ..< 6]) == magic else {
            throw CodecFailure(reason: "not a .npy array (no \\x93NUMPY magic)")
        }
        let major = file[6]
        let (lengthBytes, start): (Int, Int) = major == 1 ? (2, 10) : (4, 12)
        guard (1 ... 3).contains(major), file.count >= start else {
            throw CodecFailure(reason: ".npy format version \(major) is not supported")
        }
        var headerLength = 0
        for i in (0 ..< lengthBytes).reversed() { headerLength = headerLength << 8 | Int(file[8 + i]) }
        guard start + headerLength <= file.count else { throw CodecFailure(reason: ".npy header is truncated") }
        let header = String(decoding: file[start ..< start + headerLength], as: UTF8.self)

        guard let descr = quotedValue(of: "descr", in: header),
              let element = ElementType(descr: descr)
        else { throw CodecFailure(reason: ".npy dtype \(quotedValue(of: "descr", in: header) ?? "?") is not an integer type") }
        guard let shape = shapeValue(in: header) else { throw CodecFailure(reason: ".npy header has no readable shape") }
        if shape.count > 1, header.contains("'fortran_order': True") {
            throw CodecFailure(reason: ".npy array is in Fortran order; save it with numpy's default C order")
        }
        let data = start + headerLength
        guard let count = UInt8Array.elementCount(shape + [element.size]).map({ $0 / element.size }),
              file.count - data == count * element.size
        else {
            throw CodecFailure(reason: ".npy header declares shape \(shape) of \(descr) but \(file.count - data) bytes of data follow")
        }
        if element.size == 1 && !element.signed {
            return UInt8Array(unchecked: shape, Array(file[data...]))
        }
        var bytes = [UInt8](repeating: 0, count: count)
        for i in 0 ..< count {
            let value = element.read(file, data + i * element.size)
            guard (0 ... 255).contains(value) else {
                throw CodecFailure(reason: ".npy \(descr) element \(i) is \(value), which does not fit in uint8")
            }
            bytes[i] = UInt8(value)
        }
        return UInt8Array(unchecked: shape, bytes)
    }

    /// A numpy integer dtype: `|u1`, `<i8`, `>u2`, ...
    struct ElementType {
        let size: Int
        let signed: Bool
        let bigEndian: Bool

        init?(descr: String) {
            let chars = Array(descr)
            guard chars.count == 3, "<>|=".contains(chars[0]), let size = Int(String(chars[2])),
                  [1, 2, 4, 8].contains(size), chars[1] == "u" || chars[1] == "i"
            else { return nil }
            self.size = size
            signed = chars[1] == "i"
            bigEndian = chars[0] == ">"
        }

        func read(_ bytes: [UInt8], _ at: Int) -> Int64 {
            var raw: UInt64 = 0
            for k in 0 ..< size {
                let byte = UInt64(bytes[at + (bigEndian ? k : size - 1 - k)])
                raw = raw << 8 | byte
            }
            guard signed, size < 8 else { return Int64(bitPattern: raw) }
            let shift = UInt64(64 - 8 * size)
            return Int64(bitPattern: raw << shift) >> shift
        }
    }

    private static func quotedValue(of key: String, in header: String) -> String? {
        guard let keyRange = header.range(of: "'\(key)':") else { return nil }
        let rest = header[keyRange.upperBound...].drop { $0 == " " }
        guard let quote = rest.first, quote == "'" || quote == "\"" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    private static func shapeValue(in header: String) -> [Int]? {
        guard let keyRange = header.range(of: "'shape':"),
              let open = header[keyRange.upperBound...].firstIndex(of: "("),
              let close = header[open...].firstIndex(of: ")")
        else { return nil }
        var shape: [Int] = []
        for part in header[header.index(after: open) ..< close].split(separator: ",") {
            let text = part.trimmingCharacters(in: " L")
            guard !text.isEmpty else { continue }
            guard let extent = Int(text), extent >= 0 else { return nil }
            shape.append(extent)
        }
        return shape
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return s
    }
}
