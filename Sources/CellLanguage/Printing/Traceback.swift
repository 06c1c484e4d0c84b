/// Renders exceptions the way IPython 8 shows them (with `--colors=NoColor`):
///
///     ---------------------------------------------------------------------------
///     NameError                                 Traceback (most recent call last)
///     Cell In[3], line 2
///           1 print("hi")
///     ----> 2 undefined_y
///
///     NameError: name 'undefined_y' is not defined
struct TracebackRenderer {
    let sources: [Int: CellSource]

    func render(_ e: PyException) -> String {
        String(repeating: "-", count: 75) + "\n" + chain(e, around: 2)
    }

    /// The exception after those it was raised from. IPython shows 2 pieces of context
    /// around each line for the final exception, and 1 for the ones before it.
    private func chain(_ e: PyException, around: Int) -> String {
        var text = ""
        if let cause = e.cause {
            text += chain(cause, around: 1) + "\n\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let context = e.context, !e.suppressContext {
            text += chain(context, around: 1) + "\n\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        let header = "Traceback (most recent call last)"
        text += e.typeName.padding(toLength: max(e.typeName.count + 1, 75 - header.count)) + header + "\n"
        for item in collapsed(Array(e.traceback.reversed())) {
            switch item {
            case .frame(let entry):
                text += frame(entry, around: around) + "\n"
            case .skipped(let description):
                text += "    [... skipping similar frames: \(description)]\n\n"
            }
        }
        return text + e.summary
    }

    private func frame(_ entry: TracebackEntry, around: Int) -> String {
        var text = "Cell In[\(entry.cellNumber)], line \(entry.line)"
        if let function = entry.function { text += ", in " + function }
        text += "\n"
        guard let source = sources[entry.cellNumber] else { return text }
        for line in context(entry.line, source, scope: entry.scopeLines, around: around) { text += line + "\n" }
        return text
    }

    /// `around` pieces before and after the failing one, dedented together, numbered.
    func context(_ line: Int, _ source: CellSource, scope: ClosedRange<Int>? = nil, around: Int = 2) -> [String] {
        let pieces = source.pieces.filter { scope?.contains($0.lowerBound) ?? true }
        guard let index = pieces.firstIndex(where: { $0.contains(line) }) else {
            guard line >= 1 && line <= source.lines.count else { return [] }
            return [numbered(line, source.lines[line - 1], arrow: true)]
        }
        let shown = pieces[max(0, index - around)...min(pieces.count - 1, index + around)]
        let numbers = shown.flatMap { Array($0) }.filter { $0 >= 1 && $0 <= source.lines.count }
        let texts = numbers.map { source.lines[$0 - 1] }
        let indent = texts.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        return zip(numbers, texts).map { n, t in numbered(n, String(t.dropFirst(min(indent, t.prefix { $0 == " " || $0 == "\t" }.count))), arrow: n == line) }
    }

    private func numbered(_ n: Int, _ text: String, arrow: Bool) -> String {
        let digits = String(n)
        let width = 7
        if arrow {
            let pad = width - digits.count
            let marker = pad >= 2 ? String(repeating: "-", count: pad - 2) + "> " : pad == 1 ? ">" : ""
            return marker + digits + " " + text
        }
        return String(repeating: " ", count: max(0, width - digits.count)) + digits + " " + text
    }

    private enum Item {
        case frame(TracebackEntry)
        case skipped(String)
    }

    /// stack_data's collapsing of repeated frames (deep recursion): among runs of frames
    /// that occur more than 3 times, keep each one's first two and last occurrences.
    private func collapsed(_ entries: [TracebackEntry]) -> [Item] {
        struct Key: Hashable { var cell: Int; var line: Int; var name: String? }
        let keys = entries.map { Key(cell: $0.cellNumber, line: $0.line, name: $0.functionName) }
        var counts: [Key: Int] = [:]
        for k in keys { counts[k, default: 0] += 1 }
        var highlighted = Array(repeating: true, count: entries.count)
        var i = 0
        while i < entries.count {
            guard counts[keys[i], default: 0] > 3 else { i += 1; continue }
            var j = i
            while j < entries.count && counts[keys[j], default: 0] > 3 { j += 1 }
            var marks = Array(repeating: false, count: j - i)
            var seen: [Key: [Int]] = [:]
            for p in i..<j { seen[keys[p], default: []].append(p - i) }
            for (_, positions) in seen {
                marks[positions[0]] = true
                if positions.count > 1 { marks[positions[1]] = true }
                marks[positions[positions.count - 1]] = true
            }
            for p in i..<j { highlighted[p] = marks[p - i] }
            i = j
        }
        var items: [Item] = []
        var p = 0
        while p < entries.count {
            if highlighted[p] {
                items.append(.frame(entries[p]))
                p += 1
                continue
            }
            var q = p
            var groupCounts: [Key: Int] = [:]
            var order: [Key] = []
            while q < entries.count && !highlighted[q] {
                if groupCounts[keys[q]] == nil { order.append(keys[q]) }
                groupCounts[keys[q], default: 0] += 1
                q += 1
            }
            let sorted = order.sorted { (groupCounts[$0] ?? 0) > (groupCounts[$1] ?? 0) }
            let description = sorted.map { "\($0.name ?? "<module>") at line \($0.line) (\(groupCounts[$0] ?? 0) times)" }
            items.append(.skipped(description.joined(separator: ", ")))
            p = q
        }
        return items
    }

    /// IPython's form of a syntax error:
    ///
    ///       Cell In[4], line 2
    ///         2 +)
    ///            ^
    ///     SyntaxError: invalid syntax
    func renderSyntaxError(_ error: SyntaxErrorInfo, cellNumber: Int) -> String {
        var text = "  Cell In[\(cellNumber)], line \(error.line)\n"
        if let source = sources[cellNumber], error.line >= 1, error.line <= source.lines.count {
            let line = source.lines[error.line - 1]
            let stripped = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
            let trimmed = String(stripped).trimmingTrailingWhitespace
            if !trimmed.isEmpty {
                let removed = line.unicodeScalars.count - stripped.unicodeScalars.count
                let caret = max(0, error.column - removed)
                text += "    " + trimmed + "\n"
                text += String(repeating: " ", count: 4 + caret) + "^\n"
            }
        }
        return text + error.typeName + ": " + error.message
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    var trimmingTrailingWhitespace: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\n" || last == "\r" { s.removeLast() }
        return String(s)
    }
}
