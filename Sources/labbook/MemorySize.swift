import Foundation

/// Sizes as people write them on a command line: `4G`, `512M`, `1.5GiB`, `800000000`.
/// The suffixes count in powers of 1024, as `ulimit` and `free` do.
///
///     MemorySize.bytes("512M")   // 536870912
enum MemorySize {
    /// The size in bytes, nil when `text` is not a positive size.
    static func bytes(_ text: String) -> Int? {
        var number = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where number.hasSuffix(suffix) && number.count > suffix.count {
            number.removeLast(suffix.count)
            break
        }
        var scale = 1.0
        if let last = number.last, let power = "KMGT".firstIndex(of: last) {
            scale = pow(1024, Double("KMGT".distance(from: "KMGT".startIndex, to: power) + 1))
            number.removeLast()
        }
        guard let value = Double(number), value > 0, value.isFinite else { return nil }
        let bytes = value * scale
        return bytes >= 1 && bytes < 9e18 ? Int(bytes) : nil
    }
}
