import CellLanguage
import Foundation
import Testing

/// A folder of conformance snippets: `topic/NNN_name.py` cells, each with the `.out` the real
/// thing printed for it (CPython for the language, NumPy for numpy), made by the
/// `scripts/regen-*conformance.py` scripts: the cell's printed text, the repr of its last
/// expression when not None (as Jupyter shows it), and a last `Type: message` line when an
/// exception escapes. The language and numpy test targets share this runner.
public struct SnippetCorpus: Sendable {
    /// The corpus folder.
    public let root: URL
    /// Snippets that need what Labbook deliberately lacks, with the reason.
    public let knownIssues: [String: String]

    public init(root: URL, knownIssues: [String: String] = [:]) {
        self.root = root
        self.knownIssues = knownIssues
    }

    /// Snippet paths relative to the root, sorted.
    public var snippets: [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker where url.pathExtension == "py" {
            paths.append(String(url.path.dropFirst(root.path.count + 1)))
        }
        return paths.sorted()
    }

    /// A snippet's source and its expected output.
    public func load(_ path: String) throws -> (source: String, expected: String) {
        let source = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let expected = try String(contentsOf: root.appendingPathComponent(String(path.dropLast(3)) + ".out"), encoding: .utf8)
        return (source, expected)
    }

    /// Runs the snippet at `path` as one cell of a fresh session over `modules` and expects its
    /// `.out`; a snippet in `knownIssues` is expected to differ, with its reason.
    public func check(_ path: String, modules: ModuleRegistry, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (source, expected) = try load(path)
        let actual = Self.run(source, modules: modules)
        let compare = {
            #expect(actual == expected, "\(Self.mismatch(path, expected: expected, actual: actual))", sourceLocation: sourceLocation)
        }
        if let reason = knownIssues[path] {
            withKnownIssue(Comment(rawValue: reason), sourceLocation: sourceLocation) { compare() }
        } else {
            compare()
        }
    }

    /// What our interpreter prints for `source` run as one cell of a fresh session over
    /// `modules`, in the `.out` convention.
    public static func run(_ source: String, modules: ModuleRegistry) -> String {
        let outcome = Session(modules: modules).run(source, cellNumber: 1)
        var text = outcome.outputs.map(\.plainText).joined()
        if let error = outcome.error { text += error.summary + "\n" }
        return text
    }

    /// The message of a failed comparison: the first differing line, then both texts.
    public static func mismatch(_ path: String, expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var first = "identical"
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : "<missing>", al = i < a.count ? a[i] : "<missing>"
            if el != al {
                first = "line \(i + 1):\n  expected: \(el.debugDescription)\n  actual:   \(al.debugDescription)"
                break
            }
        }
        return "\(path): \(first)\n--- expected ---\n\(expected)--- actual ---\n\(actual)"
    }
}
