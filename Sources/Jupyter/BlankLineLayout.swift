/// A Labbook notebook's blank lines where they differ from the layout `labbook import` writes
/// (one blank line between blocks, two between markdown cells): kept in an export's
/// `metadata.labbook.layout`, so that importing the export gives back the notebook byte for
/// byte. Only blank lines are kept: when the notebook differs from the imported layout in
/// anything else (CRLF line endings, cells inside lists), export normalises it, as documented.
///
/// ```swift
/// let layout = BlankLineLayout(original: "# A\n\n\n\n```python\nx\n```\n", canonical: "# A\n\n```python\nx\n```\n")
/// layout?.applied(to: "# A\n\n```python\nx\n```\n")   // the original text
/// ```
struct BlankLineLayout: Equatable {
    /// The run of blank (or whitespace-only) lines before the non-blank line `before` (the
    /// count of non-blank lines: after the last), as the notebook has it and as import writes it.
    struct Run: Equatable {
        var before: Int
        var lines: [String]
        var canonical: [String]
    }

    /// How many non-blank lines the notebook has: a canonical text with another count has
    /// been changed (in Jupyter) and keeps its own layout.
    var nonBlankLines: Int
    var runs: [Run]

    /// The layout of `original` against `canonical`; nil when they are equal or differ in
    /// more than blank lines.
    init?(original: String, canonical: String) {
        guard original != canonical else { return nil }
        let (content, originalRuns) = Self.split(original)
        let (canonicalContent, canonicalRuns) = Self.split(canonical)
        guard content == canonicalContent else { return nil }
        nonBlankLines = content.count
        runs = zip(originalRuns, canonicalRuns).enumerated().compactMap { index, pair in
            pair.0 == pair.1 ? nil : Run(before: index, lines: pair.0, canonical: pair.1)
        }
    }

    /// `canonical` with the notebook's own blank lines; nil when it no longer fits (its
    /// non-blank lines were added or removed, or a run is not the one export saw).
    func applied(to canonical: String) -> String? {
        let (content, canonicalRuns) = Self.split(canonical)
        guard content.count == nonBlankLines else { return nil }
        var blanks = canonicalRuns
        for run in runs {
            guard run.before < blanks.count, blanks[run.before] == run.canonical else { return nil }
            blanks[run.before] = run.lines
        }
        var lines: [String] = []
        for (index, line) in content.enumerated() {
            lines += blanks[index]
            lines.append(String(line))
        }
        lines += blanks[content.count]
        return lines.joined(separator: "\n")
    }

    /// The 1-based line of the applied text that holds line `line` of the canonical text
    /// (for warnings, which name the lines of the text import wrote).
    func line(_ line: Int, of canonical: String) -> Int {
        let (_, canonicalRuns) = Self.split(canonical)
        var position = 1, applied = 1
        for (index, run) in canonicalRuns.enumerated() {
            let own = runs.first { $0.before == index }?.lines.count ?? run.count
            if line < position + run.count { return applied + min(line - position, max(own - 1, 0)) }
            if line == position + run.count { return applied + own }  // the non-blank line after the run
            position += run.count + 1
            applied += own + 1
        }
        return line - position + applied
    }

    /// The non-blank lines, and the runs of blank lines before each and after the last.
    private static func split(_ text: String) -> (content: [Substring], runs: [[String]]) {
        var content: [Substring] = [], runs: [[String]] = [], run: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                run.append(String(line))
            } else {
                content.append(line)
                runs.append(run)
                run = []
            }
        }
        runs.append(run)
        return (content, runs)
    }

    // In the export's metadata: {"non_blank_lines": 12, "runs": [{"before": 3, "lines": ["", ""], "canonical": [""]}]}
    var json: JSONValue {
        .object([
            "non_blank_lines": .int(nonBlankLines),
            "runs": .array(runs.map { run in
                .object([
                    "before": .int(run.before), "lines": .array(run.lines.map(JSONValue.string)),
                    "canonical": .array(run.canonical.map(JSONValue.string)),
                ])
            }),
        ])
    }

    init?(json: JSONValue) {
        guard let count = json["non_blank_lines"]?.int, let items = json["runs"]?.array else { return nil }
        var runs: [Run] = []
        for item in items {
            guard let before = item["before"]?.int, let lines = item["lines"]?.array?.compactMap(\.string),
                  let canonical = item["canonical"]?.array?.compactMap(\.string) else { return nil }
            runs.append(Run(before: before, lines: lines, canonical: canonical))
        }
        nonBlankLines = count
        self.runs = runs
    }
}
