import Foundation
import Testing

/// `docs/architecture.md` against `Package.swift`: its diagram has every edge between the
/// non-test targets (and their packages), its tables every target with exactly its
/// dependencies. A target or an edge added in one place only fails here.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func diagramHasEveryEdgeOfThePackage() throws {
        let manifest = try PackageManifest(try Self.read("Package.swift"))
        let page = try ArchitecturePage(try Self.read("docs/architecture.md"))
        let edges = Set(manifest.targets.filter { !$0.isTest }.flatMap { target in
            target.dependencies.map { Edge(from: $0, to: target.name) }
        })
        #expect(page.diagramEdges.subtracting(edges).isEmpty, "in the diagram, not in Package.swift: \(page.diagramEdges.subtracting(edges).sorted())")
        #expect(edges.subtracting(page.diagramEdges).isEmpty, "in Package.swift, not in the diagram: \(edges.subtracting(page.diagramEdges).sorted())")
    }

    @Test func tablesListEveryTargetWithItsDependencies() throws {
        let manifest = try PackageManifest(try Self.read("Package.swift"))
        let page = try ArchitecturePage(try Self.read("docs/architecture.md"))
        let declared = Dictionary(uniqueKeysWithValues: manifest.targets.map { ($0.name, Set($0.dependencies)) })
        #expect(Set(page.tableDependencies.keys) == Set(declared.keys),
                "targets only in Package.swift: \(Set(declared.keys).subtracting(page.tableDependencies.keys).sorted()); only in the page: \(Set(page.tableDependencies.keys).subtracting(declared.keys).sorted())")
        for (name, dependencies) in declared.sorted(by: { $0.key < $1.key }) {
            guard let documented = page.tableDependencies[name] else { continue }
            #expect(documented == dependencies, "\(name): the page says \(documented.sorted()), Package.swift \(dependencies.sorted())")
        }
    }

    /// The checks are not vacuous: the manifest parser sees every target and edge.
    @Test func parserReadsTheManifest() throws {
        let manifest = try PackageManifest(try Self.read("Package.swift"))
        let runner = try #require(manifest.targets.first { $0.name == "Runner" })
        #expect(runner.dependencies.contains("NotebookCache") && !runner.isTest)
        #expect(manifest.targets.first { $0.name == "Datasets" }?.dependencies.contains("Crypto") == true)
        #expect(manifest.targets.first { $0.name == "EndToEndTests" }?.isTest == true)
        let added = try PackageManifest(try Self.read("Package.swift").replacingOccurrences(
            of: #".target(name: "Charts")"#, with: #".target(name: "Charts", dependencies: ["CellOutput"])"#))
        #expect(added.targets.first { $0.name == "Charts" }?.dependencies == ["CellOutput"])
    }
}

struct Edge: Hashable, Comparable, CustomStringConvertible {
    var from: String, to: String
    var description: String { "\(from) --> \(to)" }
    static func < (a: Edge, b: Edge) -> Bool { a.description < b.description }
}

/// The targets `Package.swift` declares, read from its text: each `.target(`,
/// `.executableTarget(`, `.testTarget(` and `.systemLibrary(` call, its `name:` and the names
/// in its `dependencies:` list (a `.product(name: "Crypto", ...)` counts as `Crypto`).
struct PackageManifest {
    struct Target {
        var name: String
        var dependencies: [String]
        var isTest: Bool
    }

    var targets: [Target] = []

    init(_ text: String) throws {
        let calls = try NSRegularExpression(pattern: #"\.(target|executableTarget|testTarget|systemLibrary)\("#)
        let ns = text as NSString
        for match in calls.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let kind = ns.substring(with: match.range(at: 1))
            let body = Self.balanced(text, from: match.range.location + match.range.length - 1)
            guard let name = Self.firstString(after: "name:", in: body) else { continue }
            var dependencies: [String] = []
            if let list = body.range(of: "dependencies:") {
                let start = body[list.upperBound...].firstIndex(of: "[")!
                let items = Self.balanced(String(body[start...]), from: 0)
                let names = try NSRegularExpression(pattern: #"\.product\(name: "([^"]+)"[^)]*\)|"([^"]+)""#)
                let itemsNS = items as NSString
                for m in names.matches(in: items, range: NSRange(location: 0, length: itemsNS.length)) {
                    let range = m.range(at: 1).location != NSNotFound ? m.range(at: 1) : m.range(at: 2)
                    dependencies.append(itemsNS.substring(with: range))
                }
            }
            targets.append(Target(name: name, dependencies: dependencies, isTest: kind == "testTarget"))
        }
    }

    /// The text from the bracket at `offset` to its matching closing bracket (strings skipped).
    static func balanced(_ text: String, from offset: Int) -> String {
        let chars = Array(text)
        var depth = 0, inString = false, end = chars.count
        for i in offset..<chars.count {
            let c = chars[i]
            if c == "\"" { inString.toggle() }
            if inString { continue }
            if c == "(" || c == "[" { depth += 1 }
            if c == ")" || c == "]" {
                depth -= 1
                if depth == 0 { end = i + 1; break }
            }
        }
        return String(chars[offset..<end])
    }

    static func firstString(after label: String, in text: String) -> String? {
        guard let at = text.range(of: label) else { return nil }
        let rest = text[at.upperBound...]
        guard let open = rest.firstIndex(of: "\"") else { return nil }
        let afterOpen = rest[rest.index(after: open)...]
        guard let close = afterOpen.firstIndex(of: "\"") else { return nil }
        return String(afterOpen[..<close])
    }
}

/// What `docs/architecture.md` says: the mermaid diagram's edges (node ids mapped to their
/// labels, `labbook_bench[labbook-bench]`) and every table row's target and dependencies
/// (the first two columns; a row may name several targets that share them).
struct ArchitecturePage {
    var diagramEdges: Set<Edge> = []
    var tableDependencies: [String: Set<String>] = [:]

    init(_ text: String) throws {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "```mermaid"),
              let end = lines[start...].dropFirst().firstIndex(of: "```") else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no mermaid diagram"])
        }
        var labels: [String: String] = [:]
        var edges: [(String, String)] = []
        for line in lines[(start + 1)..<end].map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let arrow = line.range(of: " --> ") {
                edges.append((String(line[..<arrow.lowerBound]), String(line[arrow.upperBound...])))
            } else if let open = line.firstIndex(of: "["), line.hasSuffix("]") {
                labels[String(line[..<open])] = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
            }
        }
        diagramEdges = Set(edges.map { Edge(from: labels[$0.0] ?? $0.0, to: labels[$0.1] ?? $0.1) })

        for line in lines where line.hasPrefix("| `") {
            let columns = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 3 else { continue }
            let names = Self.codeSpans(columns[1]), dependencies = Set(Self.codeSpans(columns[2]))
            for name in names { tableDependencies[name] = dependencies }
        }
    }

    /// The `code` spans of a table cell, in order.
    static func codeSpans(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
