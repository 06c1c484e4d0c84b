import Foundation

/// Makes mutants of a cell for the crash fuzzer: numbers swapped for extremes, operators
/// swapped, the source truncated, lines duplicated, dropped or spliced in from other cells.
/// Seeded, so one seed always yields the same mutants.
struct CellMutator {
    /// Values that have broken interpreters before: edges of 64-bit ints, sizes past any
    /// memory, zero and negative counts, floats that are not numbers.
    static let extremes = [
        "0", "-1", "1", "2", "-2", "2**62", "(2**62-1+2**62)", "(-2**62-2**62)", "2**31", "2**32", "10**6", "10**9",
        "10**12", "10**18", "float('nan')", "float('inf')", "-float('inf')", "1e308", "-0.0", "0.5",
        "True", "None", "''", "[]", "()", "'9'*30", "255", "-129",
    ]
    static let operators = [
        "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", ">", "==", "@",
    ]
    /// Pieces spliced into a line: calls with odd arguments.
    static let insertions = [
        "[::-1]", "[::0]", "[-2**62-2**62]", "[2**62:]", "(*[])", "(**{})", ".T", "[None]", "[...]",
        ".reshape(-1)", ".reshape(0, -1)", "[[]]", "[[0, -1]]", ".astype('uint8')", " * 10**9",
    ]

    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// One to three mutations of `source`; `donors` are other cells to splice lines from.
    mutating func mutate(_ source: String, donors: [String]) -> String {
        var text = source
        for _ in 0...below(3) { text = mutateOnce(text, donors: donors) }
        return text
    }

    private mutating func mutateOnce(_ source: String, donors: [String]) -> String {
        var lines = source.components(separatedBy: "\n")
        switch below(10) {
        case 0, 1, 2:
            return replacing(numberIn: source) ?? source
        case 3:
            return replacing(operatorIn: source) ?? source
        case 4:
            let cut = below(source.count + 1)
            return String(source.prefix(cut))
        case 5:
            let i = below(lines.count)
            lines.insert(lines[i], at: i)
        case 6:
            if lines.count > 1 { lines.remove(at: below(lines.count)) }
        case 7:
            let donor = pick(donors).components(separatedBy: "\n")
            lines.insert(pick(donor), at: below(lines.count + 1))
        case 8:
            let i = below(lines.count)
            var line = lines[i]
            line.insert(contentsOf: pick(Self.insertions), at: line.index(line.startIndex, offsetBy: below(line.count + 1)))
            lines[i] = line
        default:
            let i = below(lines.count)
            lines[i] = String(repeating: "(", count: 300) + lines[i] + String(repeating: ")", count: 300)
        }
        return lines.joined(separator: "\n")
    }

    private mutating func replacing(numberIn source: String) -> String? {
        replacing(pattern: #"(?<![A-Za-z_0-9.])[0-9]+(\.[0-9]*)?(e-?[0-9]+)?"#, in: source, with: pick(Self.extremes))
    }

    private mutating func replacing(operatorIn source: String) -> String? {
        replacing(pattern: #"(?<=[\w)\] ])(\*\*|//|<<|>>|[-+*/%&|^<>@])(?=[ \w(\[])"#, in: source, with: pick(Self.operators))
    }

    private mutating func replacing(pattern: String, in source: String, with replacement: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let whole = NSRange(source.startIndex..., in: source)
        let matches = regex.matches(in: source, range: whole)
        guard !matches.isEmpty, let range = Range(pick(matches).range, in: source) else { return nil }
        return source.replacingCharacters(in: range, with: replacement)
    }
}
