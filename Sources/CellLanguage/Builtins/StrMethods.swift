import Foundation

/// `str` methods. Positions are counted in Unicode scalars, as Python counts code points.
enum StrMethods {
    static func string(_ v: Value, _ what: String) throws -> String {
        guard case .str(let s) = v else {
            throw PyException(.typeError, "\(what) must be str, not \(v.typeName)")
        }
        return s
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || (c.value >= 0x1C && c.value <= 0x1F)
    }

    static func call(_ s: String, _ name: String, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        let qualified = "str." + name
        switch name {
        case "split", "rsplit":
            try checkKeywordMethod(args, name, ["sep", "maxsplit"])
            let bound = try args.bind(name, [HostParameter("sep", default: .none), HostParameter("maxsplit", default: .int(-1))])
            let maxsplit = bound["maxsplit"].asInt ?? -1
            let parts: [String]
            if case .none = bound["sep"] {
                parts = splitWhitespace(s, maxsplit: maxsplit, fromRight: name == "rsplit")
            } else {
                let sep = try string(bound["sep"], "must be str or None, not")
                if sep.isEmpty { throw PyException(.valueError, "empty separator") }
                parts = split(s, sep, maxsplit: maxsplit, fromRight: name == "rsplit")
            }
            return .list(PyList(parts.map { .str($0) }))
        case "join":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            guard interp.isIterable(a[0]) else { throw PyException(.typeError, "can only join an iterable") }
            var pieces: [String] = []
            for (i, item) in try interp.toArray(a[0]).enumerated() {
                guard case .str(let p) = item else {
                    throw PyException(.typeError, "sequence item \(i): expected str instance, \(item.typeName) found")
                }
                pieces.append(p)
            }
            return .str(pieces.joined(separator: s))
        case "strip", "lstrip", "rstrip":
            let a = try Methods.positional(args, qualified, min: 0, max: 1)
            var chars: Set<Unicode.Scalar>?
            if let c = a.first, !c.isNone { chars = Set(try string(c, "\(name) arg").unicodeScalars) }
            func strip(_ c: Unicode.Scalar) -> Bool { chars.map { $0.contains(c) } ?? isSpace(c) }
            var scalars = Array(s.unicodeScalars)[...]
            if name != "rstrip" { while let f = scalars.first, strip(f) { scalars.removeFirst() } }
            if name != "lstrip" { while let l = scalars.last, strip(l) { scalars.removeLast() } }
            return .str(String(String.UnicodeScalarView(scalars)))
        case "replace":
            let a = try Methods.positional(args, qualified, min: 2, max: 3)
            let old = try string(a[0], "replace() argument 1")
            let new = try string(a[1], "replace() argument 2")
            let count = a.count > 2 ? (a[2].asInt ?? -1) : -1
            return .str(try replace(s, old, new, count: count, check: interp.checkLongOperation))
        case "startswith", "endswith":
            let a = try Methods.positional(args, qualified, min: 1, max: 3)
            let scalars = Array(s.unicodeScalars)
            let (start, end) = try range(a, from: 1, count: scalars.count)
            let window = start <= end ? Array(scalars[start..<end]) : []
            let candidates: [Value]
            if case .tuple(let t) = a[0] { candidates = t } else { candidates = [a[0]] }
            for c in candidates {
                guard case .str(let p) = c else {
                    throw PyException(.typeError, "\(name) first arg must be str or a tuple of str, not \(c.typeName)")
                }
                let ps = Array(p.unicodeScalars)
                if start > scalars.count { continue }
                if name == "startswith" ? window.starts(with: ps) : window.reversed().starts(with: ps.reversed()) {
                    return .bool(true)
                }
            }
            return .bool(false)
        case "upper": _ = try Methods.positional(args, qualified, min: 0, max: 0); return .str(s.uppercased())
        case "lower":
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            let scalars = Array(s.unicodeScalars)
            return .str(scalars.indices.map { lowercase(scalars, $0) }.joined())
        case "casefold":
            // Full case folding is, but for a few scripts, the lowercase of the uppercase:
            // 'ß' -> 'ss', 'ς' -> 'σ', 'ﬁ' -> 'fi'.
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            return .str(s.unicodeScalars.map { scalar in
                scalar.properties.uppercaseMapping.unicodeScalars.map { $0.properties.lowercaseMapping }.joined()
            }.joined())
        // Case changes go code point by code point, as CPython's do ('ß'.title() is 'Ss').
        case "swapcase":
            let scalars = Array(s.unicodeScalars)
            return .str(scalars.indices.map { i in
                let p = scalars[i].properties
                return p.isUppercase ? lowercase(scalars, i) : p.isLowercase ? p.uppercaseMapping : String(scalars[i])
            }.joined())
        case "title":
            let scalars = Array(s.unicodeScalars)
            var out = ""
            var previousCased = false
            for i in scalars.indices {
                out += previousCased ? lowercase(scalars, i) : scalars[i].properties.titlecaseMapping
                previousCased = scalars[i].properties.isCased
            }
            return .str(out)
        case "capitalize":
            let scalars = Array(s.unicodeScalars)
            guard let first = scalars.first else { return .str("") }
            return .str(first.properties.titlecaseMapping + scalars.indices.dropFirst().map { lowercase(scalars, $0) }.joined())
        case "find", "rfind", "index", "rindex", "count":
            let a = try Methods.positional(args, qualified, min: 1, max: 3)
            let sub = Array(try string(a[0], "must be str, not").unicodeScalars)
            let scalars = Array(s.unicodeScalars)
            let (start, end) = try range(a, from: 1, count: scalars.count)
            if name == "count" {
                guard start <= end else { return .int(0) }
                if sub.isEmpty { return .int(end - start + 1) }
                var n = 0
                var i = start
                while i + sub.count <= end {
                    if scalars[i..<(i + sub.count)].elementsEqual(sub) { n += 1; i += sub.count } else { i += 1 }
                }
                return .int(n)
            }
            var found = -1
            if start <= end && end - start >= sub.count {
                let candidates = Array(start...(end - sub.count))
                for i in name.hasPrefix("r") ? candidates.reversed() : candidates
                where scalars[i..<(i + sub.count)].elementsEqual(sub) {
                    found = i
                    break
                }
            }
            if found < 0 && name.hasSuffix("index") { throw PyException(.valueError, "substring not found") }
            return .int(found)
        case "format":
            var formatter = StringFormatter(interp)
            return .str(try formatter.format(s, args))
        case "format_map":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            guard case .dict(let d) = a[0] else { throw PyException(.typeError, "format_map() argument must be a mapping") }
            var formatter = StringFormatter(interp)
            let keywords: [(name: String, value: Value)] = d.entries.compactMap {
                if case .str(let k) = $0.key { return (k, $0.value) } else { return nil }
            }
            return .str(try formatter.format(s, Arguments([], keywords: keywords)))
        case "zfill":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            let width = a[0].asInt ?? 0
            let scalars = Array(s.unicodeScalars)
            guard width > scalars.count else { return .str(s) }
            try MemoryLimit.check(count: width)
            let pad = String(repeating: "0", count: width - scalars.count)
            if let f = scalars.first, f == "+" || f == "-" {
                return .str(String(Character(f)) + pad + String(String.UnicodeScalarView(scalars.dropFirst())))
            }
            return .str(pad + s)
        case "ljust", "rjust", "center":
            let a = try Methods.positional(args, qualified, min: 1, max: 2)
            guard let width = a[0].asInt else {
                throw PyException(.typeError, "'\(a[0].typeName)' object cannot be interpreted as an integer")
            }
            var fill = " "
            if a.count > 1 {
                fill = try string(a[1], "The fill character")
                if fill.unicodeScalars.count != 1 {
                    throw PyException(.typeError, "The fill character must be exactly one character long")
                }
            }
            let length = s.unicodeScalars.count
            guard width > length else { return .str(s) }
            try MemoryLimit.check(repeating: width, times: fill.utf8.count, stride: 1)
            let total = width - length
            switch name {
            case "ljust": return .str(s + String(repeating: fill, count: total))
            case "rjust": return .str(String(repeating: fill, count: total) + s)
            default:
                // CPython puts the odd space on the left when the width is odd (unicodeobject.c pad()).
                let left = total / 2 + (total & width & 1)
                return .str(String(repeating: fill, count: left) + s + String(repeating: fill, count: total - left))
            }
        case "splitlines":
            try checkKeywordMethod(args, name, ["keepends"])
            let bound = try args.bind(name, [HostParameter("keepends", default: .bool(false))])
            let keep = bound["keepends"].isTruthy
            var lines: [Value] = []
            var current = ""
            var scalars = Array(s.unicodeScalars)[...]
            while let c = scalars.popFirst() {
                let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]
                if breaks.contains(c.value) {
                    var ending = String(Character(c))
                    if c == "\r", scalars.first == "\n" { scalars.removeFirst(); ending = "\r\n" }
                    lines.append(.str(keep ? current + ending : current))
                    current = ""
                } else {
                    current.unicodeScalars.append(c)
                }
            }
            if !current.isEmpty { lines.append(.str(current)) }
            return .list(PyList(lines))
        case "isdigit", "isdecimal", "isnumeric":
            return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil && (name != "isdecimal" || $0.properties.generalCategory == .decimalNumber) })
        case "isalpha": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic })
        case "isalnum": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        case "isspace": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(isSpace))
        case "isupper": return .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase })
        case "islower": return .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase })
        case "istitle":
            let titled = try call(s, "title", Arguments(), interp).str
            return .bool(s.contains { $0.isCased } && s.codePointsEqual(titled))
        case "isidentifier":
            guard let f = s.unicodeScalars.first, f.properties.isXIDStart || f == "_" else { return .bool(false) }
            return .bool(s.unicodeScalars.dropFirst().allSatisfy { $0.properties.isXIDContinue })
        case "partition", "rpartition":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            let sep = try string(a[0], "must be str, not")
            if sep.isEmpty { throw PyException(.valueError, "empty separator") }
            let r = s.codePointRange(of: sep, backwards: name == "rpartition")
            guard let r else {
                return name == "partition" ? .tuple([.str(s), .str(""), .str("")]) : .tuple([.str(""), .str(""), .str(s)])
            }
            return .tuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))])
        case "removeprefix":
            let p = try string(try Methods.positional(args, qualified, min: 1, max: 1)[0], "removeprefix() argument")
            return .str(s.hasCodePointPrefix(p) ? String(s.unicodeScalars.dropFirst(p.unicodeScalars.count)) : s)
        case "removesuffix":
            let p = try string(try Methods.positional(args, qualified, min: 1, max: 1)[0], "removesuffix() argument")
            return .str(s.hasCodePointSuffix(p) && !p.isEmpty ? String(s.unicodeScalars.dropLast(p.unicodeScalars.count)) : s)
        case "expandtabs":
            try checkKeywordMethod(args, name, ["tabsize"])
            let size = try args.bind(name, [HostParameter("tabsize", default: .int(8))])["tabsize"].asInt ?? 8
            if size > Int(Int32.max) || size < Int(Int32.min) {
                throw PyException(.overflowError, "Python int too large to convert to C int")
            }
            var out = ""
            var column = 0
            for c in s.unicodeScalars {
                if c == "\t" {
                    let n = size > 0 ? size - column % size : 0
                    try MemoryLimit.check(count: out.utf8.count + n)
                    out += String(repeating: " ", count: n)
                    column += n
                } else {
                    out.unicodeScalars.append(c)
                    column = (c == "\n" || c == "\r") ? 0 : column + 1
                }
            }
            return .str(out)
        default:
            throw PyException(.attributeError, "'str' object has no attribute '\(name)'")
        }
    }

    /// Optional `start, end` arguments, clamped like slice bounds.
    /// CPython's wording for the str methods that take keywords (split, splitlines...):
    /// `split() takes at most 2 arguments (3 given)`, `'x' is an invalid keyword argument for split()`.
    static func checkKeywordMethod(_ args: Arguments, _ name: String, _ parameters: [String]) throws {
        let n = args.positional.count
        if n > parameters.count {
            let noun = parameters.count == 1 ? "argument" : "arguments"
            throw PyException(.typeError, "\(name)() takes at most \(parameters.count) \(noun) (\(n) given)")
        }
        if let (key, _) = args.keywords.first(where: { !parameters.contains($0.name) }) {
            throw PyException(.typeError, "'\(key)' is an invalid keyword argument for \(name)()")
        }
    }

    /// The lowercase of `scalars[i]`; a capital sigma ending a word becomes 'ς' (CPython's
    /// handle_capital_sigma), which Swift's `lowercased()` does not do.
    static func lowercase(_ scalars: [Unicode.Scalar], _ i: Int) -> String {
        guard scalars[i] == "\u{03A3}" else { return scalars[i].properties.lowercaseMapping }
        let before = scalars[..<i].last { !$0.properties.isCaseIgnorable }
        let after = scalars[(i + 1)...].first { !$0.properties.isCaseIgnorable }
        let final = before?.properties.isCased == true && after?.properties.isCased != true
        return final ? "\u{03C2}" : "\u{03C3}"
    }

    /// The `start, end` arguments of find/count/startswith (`None` allowed) or, with
    /// `allowNone: false`, of list.index.
    static func range(_ a: [Value], from index: Int, count: Int, allowNone: Bool = true) throws -> (Int, Int) {
        func bound(_ v: Value?, _ defaultValue: Int, upper: Int) throws -> Int {
            guard let v else { return defaultValue }
            if allowNone, case .none = v { return defaultValue }
            guard let i = v.asInt, !v.isFloat else {
                throw PyException(.typeError, "slice indices must be integers \(allowNone ? "or None " : "")or have an __index__ method")
            }
            let j = i < 0 ? i + count : i
            return Swift.max(0, Swift.min(j, upper))
        }
        // A start past the end stays there (CPython: `'abc'.find('', 5)` is -1).
        let start = a.count > index ? try bound(a[index], 0, upper: Int.max) : 0
        let end = a.count > index + 1 ? try bound(a[index + 1], count, upper: count) : count
        return (start, end)
    }

    static func splitWhitespace(_ s: String, maxsplit: Int, fromRight: Bool) -> [String] {
        var scalars = Array(s.unicodeScalars)
        if fromRight { scalars.reverse() }
        var parts: [String] = []
        var i = 0
        while i < scalars.count {
            while i < scalars.count, isSpace(scalars[i]) { i += 1 }
            if i >= scalars.count { break }
            if maxsplit >= 0 && parts.count == maxsplit {
                let rest = Array(scalars[i...])
                parts.append(String(String.UnicodeScalarView(fromRight ? rest.reversed() : rest)))
                break
            }
            var word: [Unicode.Scalar] = []
            while i < scalars.count, !isSpace(scalars[i]) { word.append(scalars[i]); i += 1 }
            parts.append(String(String.UnicodeScalarView(fromRight ? word.reversed() : word)))
        }
        return fromRight ? parts.reversed() : parts
    }

    static func split(_ s: String, _ sep: String, maxsplit: Int, fromRight: Bool) -> [String] {
        var scalars = Array(s.unicodeScalars)
        var sepScalars = Array(sep.unicodeScalars)
        if fromRight { scalars.reverse(); sepScalars.reverse() }
        var parts: [String] = []
        var current: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            if (maxsplit < 0 || parts.count < maxsplit), i + sepScalars.count <= scalars.count,
               scalars[i..<(i + sepScalars.count)].elementsEqual(sepScalars) {
                parts.append(String(String.UnicodeScalarView(fromRight ? current.reversed() : current)))
                current = []
                i += sepScalars.count
            } else {
                current.append(scalars[i])
                i += 1
            }
        }
        parts.append(String(String.UnicodeScalarView(fromRight ? current.reversed() : current)))
        return fromRight ? parts.reversed() : parts
    }

    /// `str.replace`, on UTF-8 bytes: a non-empty `old` only matches at character boundaries
    /// (UTF-8 is self-synchronising), an empty one goes before every code point and at the end,
    /// as CPython does. `check` runs every million bytes, so a huge string can time out.
    static func replace(_ s: String, _ old: String, _ new: String, count: Int,
                        check: () throws -> Void) throws -> String {
        let limit = count < 0 ? Int.max : count
        guard limit > 0 else { return s }
        var source = s
        let oldBytes = Array(old.utf8), newBytes = Array(new.utf8)
        return try source.withUTF8 { src -> String in
            let n = src.count, m = oldBytes.count
            var out: [UInt8] = []
            out.reserveCapacity(n + (newBytes.count > m ? min(n, 1 << 24) : 0))
            var i = 0, copied = 0, done = 0, nextCheck = 1 << 20
            func copyUnchanged(upTo end: Int) {
                if end > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: src[copied..<end])) }
            }
            while i < n, done < limit {
                if i >= nextCheck {
                    try check()
                    nextCheck = i + (1 << 20)
                }
                if m == 0 {
                    if src[i] & 0xC0 != 0x80 {
                        copyUnchanged(upTo: i)
                        copied = i
                        out += newBytes
                        done += 1
                    }
                    i += 1
                } else if src[i] == oldBytes[0], i + m <= n,
                          oldBytes.withUnsafeBufferPointer({ memcmp(src.baseAddress! + i, $0.baseAddress!, m) == 0 }) {
                    copyUnchanged(upTo: i)
                    out += newBytes
                    i += m
                    copied = i
                    done += 1
                } else {
                    i += 1
                }
            }
            copyUnchanged(upTo: n)
            if m == 0, done < limit { out += newBytes }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
