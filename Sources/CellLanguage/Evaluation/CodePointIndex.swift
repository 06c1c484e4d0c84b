/// O(1) `len(s)` and `s[i]` on `str` values, which Python indexes by code point while a
/// Swift `String` only walks its UTF-8 from the start.
///
/// The interpreter keeps the index of the few long strings indexed most recently: their
/// code point count, whether they are ASCII (then code point `i` is byte `i`), and
/// otherwise the UTF-8 offset of every 64th code point, so a lookup decodes at most 63
/// code points. Building an index is one O(n) pass, paid once per string; a loop
/// `for i in range(len(s)): s[i]` is then linear, not quadratic.
///
/// A string is recognised by the address of its UTF-8 storage and its byte count. That is
/// sound because an entry holds its string, so the storage cannot be freed and reused (or
/// mutated in place: it is not uniquely referenced) while the entry exists. Short strings
/// (at most `direct` bytes) are not indexed: walking them is as cheap as looking them up.
final class CodePointIndex {
    /// Byte length up to which strings are walked directly.
    static let direct = 64
    /// Code points between two recorded offsets.
    static let stride = 64
    /// How many strings are remembered (a loop over a few strings at once stays O(1)).
    static let capacity = 4

    private struct Entry {
        let string: String
        let address: UnsafeRawPointer
        let byteCount: Int
        let count: Int
        /// UTF-8 offset of code point `k * stride`; empty for ASCII strings.
        let offsets: [Int]
    }

    private var entries: [Entry] = []

    /// Forgets every string (between cells, so big strings are not kept alive).
    func removeAll() {
        entries.removeAll()
    }

    /// `len(s)`: the number of code points.
    func count(of s: String) -> Int {
        guard let entry = entry(for: s) else { return s.unicodeScalars.count }
        return entry.count
    }

    /// The code point at `position` (which must be in `0..<count(of: s)`).
    func scalar(of s: String, at position: Int) -> Unicode.Scalar {
        s.unicodeScalars[index(of: s, at: position)]
    }

    /// The `String.Index` of code point `position` (`0...count(of: s)`).
    func index(of s: String, at position: Int) -> String.Index {
        guard let entry = entry(for: s) else {
            return s.unicodeScalars.index(s.unicodeScalars.startIndex, offsetBy: position)
        }
        if entry.offsets.isEmpty || position == entry.count {
            let bytes = entry.offsets.isEmpty ? position : entry.byteCount
            return s.utf8.index(s.utf8.startIndex, offsetBy: bytes)
        }
        let start = s.utf8.index(s.utf8.startIndex, offsetBy: entry.offsets[position / Self.stride])
        return s.unicodeScalars.index(start, offsetBy: position % Self.stride)
    }

    private func entry(for s: String) -> Entry? {
        let byteCount = s.utf8.count
        guard byteCount > Self.direct,
              let address = s.utf8.withContiguousStorageIfAvailable({ UnsafeRawPointer($0.baseAddress) }),
              let address
        else { return nil }
        if let i = entries.firstIndex(where: { $0.address == address && $0.byteCount == byteCount }) {
            let entry = entries[i]
            if i != entries.count - 1 {
                entries.remove(at: i)
                entries.append(entry)
            }
            return entry
        }
        let entry = Self.makeEntry(s, address: address, byteCount: byteCount)
        if entries.count == Self.capacity { entries.removeFirst() }
        entries.append(entry)
        return entry
    }

    private static func makeEntry(_ s: String, address: UnsafeRawPointer, byteCount: Int) -> Entry {
        var offsets: [Int] = []
        var count = 0
        var offset = 0
        for scalar in s.unicodeScalars {
            if count % stride == 0 { offsets.append(offset) }
            count += 1
            offset += UTF8.width(scalar)
        }
        if count == byteCount { offsets = [] }  // ASCII: code point i is byte i
        return Entry(string: s, address: address, byteCount: byteCount, count: count, offsets: offsets)
    }
}
