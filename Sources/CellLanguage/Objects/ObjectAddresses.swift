import Foundation

/// Deterministic stand-ins for CPython's object addresses (`<function f at 0x7f3a...>`,
/// `id(x)`, the hash of a function). Real addresses and `ObjectIdentifier.hashValue` change
/// from run to run; these are handed out in the order objects are first asked about, so a
/// notebook prints the same text every time it runs.
enum ObjectAddresses {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [ObjectIdentifier: Int] = [:]

    /// A CPython-looking address: `0x7f0000001010`, `0x7f0000001020`, ...
    static func address(of id: ObjectIdentifier) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[id] { return known }
        let address = 0x7f00_0000_1000 + (numbers.count + 1) * 0x10
        numbers[id] = address
        return address
    }

    static func hex(_ id: ObjectIdentifier) -> String {
        "0x" + String(address(of: id), radix: 16).leftPadded(to: 12)
    }
}
