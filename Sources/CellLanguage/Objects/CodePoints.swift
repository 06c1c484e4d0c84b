import Foundation

/// Python's view of a `str`: a sequence of code points. Swift's `String` compares by
/// canonical equivalence (`"é" == "e\u{301}"` is true in Swift, `False` in Python) and
/// searches by `Character`, so every comparison, hash and search the language makes goes
/// through these instead.
///
/// They work on the UTF-8 bytes: UTF-8 is a bijection between code point sequences and
/// byte sequences that keeps code point order, and a match of a valid UTF-8 needle always
/// starts on a code point boundary, so bytes give exactly Python's answers.
extension String {
    /// Python's `==`: the same code points.
    @inline(__always)
    func codePointsEqual(_ other: String) -> Bool {
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        if count == 0 { return true }
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                memcmp(a.baseAddress!, b.baseAddress!, count) == 0
            }
        }
        if let fast, let equal = fast { return equal }
        return utf8.elementsEqual(other.utf8)
    }

    /// Feeds the code points (as UTF-8 bytes) to `hasher`: equal by `codePointsEqual` means
    /// equal hashes, and `"é"` and `"e\u{301}"` hash apart.
    func hashCodePoints(into hasher: inout Hasher) {
        hasher.combine(utf8.count)
        let done: Void? = utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
    }

    /// Python's `needle in self`, `find` and `partition`: the first (or with `backwards`,
    /// the last) place `needle`'s code points occur, as a range of this string's indices.
    func codePointRange(of needle: String, backwards: Bool = false) -> Range<String.Index>? {
        let hay = Array(utf8), pattern = Array(needle.utf8)
        guard pattern.count <= hay.count else { return nil }
        let last = hay.count - pattern.count
        func matches(_ start: Int) -> Bool {
            var k = 0
            while k < pattern.count, hay[start + k] == pattern[k] { k += 1 }
            return k == pattern.count
        }
        var start = backwards ? last : 0
        while !matches(start) {
            start += backwards ? -1 : 1
            if start < 0 || start > last { return nil }
        }
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
    }

    /// Python's `startswith`/`removeprefix` test: the first code points are `prefix`'s.
    func hasCodePointPrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// Python's `endswith`/`removesuffix` test: the last code points are `suffix`'s.
    func hasCodePointSuffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed())
    }
}
