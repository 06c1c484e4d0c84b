import Foundation

/// Makes mutants of a cell for the crash fuzzer: numbers swapped for extremes, operators
/// swapped, the source truncated, lines duplicated, dropped or spliced in from other cells,
/// values nested hundreds of thousands deep and used, huge repetitions and long builtins.
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
        " * 10**8", " * (2 * 10**8)",
    ]
    /// Cells that nest a value `N` deep (`N` replaced by a depth), built in a loop as
    /// CPython allows: freeing, printing, comparing, hashing and caching them must not crash.
    static let deepBuilders = [
        "d_ = []\nfor _ in range(N):\n    d_ = [d_]",
        "d_ = {}\nfor _ in range(N):\n    d_ = {0: d_}",
        "d_ = ()\nfor _ in range(N):\n    d_ = (d_,)",
        "d_ = frozenset()\nfor _ in range(N):\n    d_ = frozenset([d_])",
        "d_ = None\nfor _ in range(N):\n    d_ = [d_, (d_,), {1: d_}]",
        "d_ = []\ne_ = d_\nfor _ in range(N):\n    e_.append([])\n    e_ = e_[0]",
        "d_ = iter([])\nfor _ in range(N):\n    d_ = map(abs, d_)",
    ]
    static let depths = ["10**4", "10**5", "3 * 10**5"]
    /// What is done with a deep value afterwards.
    static let deepUses = [
        "print(d_)", "repr(d_)", "d_ == d_", "d_ == [d_]", "str(d_)", "hash((d_,))", "{d_: 1}", "sorted([d_, d_])",
        "d_ = None", "del d_", "d_ < d_", "list(d_)", "f'{d_}'", "[d_] * 3", "d_ in [d_]", "max([d_])", "next(d_)",
        "import copy\ncopy.deepcopy(d_)", "import json\njson.dumps(d_)", "d_",
    ]
    /// Lines whose one builtin would run for minutes or take all memory.
    static let hugeLines = [
        "h_ = 'ab' * 10**9", "h_ = [None] * 10**9", "h_ = (0,) * 10**8", "h_ = 'x' * (2 * 10**8)\nh_ = h_ + h_",
        "h_ = [[]] * 10**8", "h_ = list(range(10**8))", "h_ = sum(range(10**12))", "h_ = ','.join(['ab'] * 10**8)",
        "h_ = sorted(range(10**8), reverse=True)", "import numpy as np\nh_ = np.zeros(10**9)",
        "h_ = 'a' * 10**8\nh_ = h_.replace('a', 'bb')", "h_ = {i: i for i in range(10**8)}", "h_ = [0] * 10**8\nh_.sort()",
        "h_ = []\nwhile True:\n    h_.append('x' * 10**7)", "h_ = [1]\nwhile True:\n    h_ = h_ + h_",
        "import numpy as np\nh_ = []\nwhile True:\n    h_.append(np.ones(10**7))", "h_ = max(range(10**12))",
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
        switch below(12) {
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
        case 9:
            let i = below(lines.count)
            lines[i] = String(repeating: "(", count: 300) + lines[i] + String(repeating: ")", count: 300)
        case 10:
            // At the top or the bottom of the cell, where a top-level statement may go.
            let deep = pick(Self.deepBuilders).replacingOccurrences(of: "N", with: pick(Self.depths)) + "\n" + pick(Self.deepUses)
            lines.insert(deep, at: below(2) == 0 ? 0 : lines.count)
        default:
            lines.insert(pick(Self.hugeLines), at: below(2) == 0 ? 0 : lines.count)
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
