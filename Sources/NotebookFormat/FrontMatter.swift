import Yams

/// The YAML front matter at the very top of a notebook, between `---` lines.
///
///     ---
///     title: Exploring MNIST
///     seed: 42
///     params:
///       epochs: 5
///       layers: [32, 32]
///     execute:
///       timeout: 600
///     timings: false
///     ---
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    /// The seed of every random draw; 0 when not given.
    public var seed: Int
    /// Parameters in the order written, injected as globals before the first cell.
    public var params: [(name: String, value: ParamValue)]
    /// Defaults for every cell's options (`id` cannot have a default).
    public var execute: CellOptions
    /// false: reports carry no timing figures (as `--no-timings`).
    public var timings: Bool?
    /// Globals whose final values each run's record keeps (`metrics: [test_acc, test_loss]`).
    public var metrics: [String] = []
    /// The values each swept parameter takes (`sweep: {units: [32, 128], lr: [0.01, 0.1]}`),
    /// in the order written: `labbook run` then runs once per point of the grid, as with
    /// `--sweep`. Every name is one of `params`.
    public var sweep: [(name: String, values: [ParamValue])] = []
    /// 1-based lines the front matter takes, delimiters included; nil without front matter.
    public var lines: ClosedRange<Int>?

    public init(
        title: String? = nil, seed: Int = 0, params: [(name: String, value: ParamValue)] = [],
        execute: CellOptions = CellOptions(), timings: Bool? = nil, lines: ClosedRange<Int>? = nil
    ) {
        self.title = title
        self.seed = seed
        self.params = params
        self.execute = execute
        self.timings = timings
        self.lines = lines
    }

    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.title == rhs.title && lhs.seed == rhs.seed && lhs.execute == rhs.execute
            && lhs.timings == rhs.timings && lhs.lines == rhs.lines && lhs.metrics == rhs.metrics
            && lhs.params.count == rhs.params.count
            && zip(lhs.params, rhs.params).allSatisfy { $0.name == $1.name && $0.value == $1.value }
            && lhs.sweep.count == rhs.sweep.count
            && zip(lhs.sweep, rhs.sweep).allSatisfy { $0.name == $1.name && $0.values == $1.values }
    }

    static let keys = ["title", "seed", "params", "execute", "timings", "metrics", "sweep"]
    /// Keys Jupyter's text formats write (jupytext's `jupyter:`, MyST's `jupytext:` and
    /// `kernelspec:`): kept in the file as they are, read by nothing, warned about by nothing.
    static let jupyterKeys: Set<String> = ["jupyter", "jupytext", "kernelspec"]

    /// Finds and reads the front matter of `source`.
    static func read(
        _ source: SourceText, path: String
    ) throws(NotebookError) -> (FrontMatter, [FormatWarning]) {
        guard let closing = closingLine(of: source, path: path) else { return (FrontMatter(), []) }
        let closingLine = try closing.get()
        let yaml = (2..<closingLine).map { source.text(ofLine: $0) }.joined(separator: "\n")
        // YAML line n is notebook line n + 1.
        func fail(_ yamlLine: Int?, _ message: String) -> NotebookError {
            NotebookError(path: path, line: min(yamlLine.map { $0 + 1 } ?? 1, closingLine), message: message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let yamlError as YamlError {
            let (line, problem) = describe(yamlError)
            throw fail(line, "the front matter is not valid YAML: \(problem); fix it between the --- lines")
        } catch {
            throw NotebookError(path: path, line: 1, message: "the front matter is not valid YAML; fix it between the --- lines")
        }
        var front = FrontMatter(lines: 1...closingLine)
        guard let root else { return (front, []) }
        guard case .mapping(let mapping) = root else {
            throw fail(root.mark?.line, "the front matter must be a mapping; write key: value lines such as title: and seed: between the --- lines")
        }
        var warnings: [FormatWarning] = []
        var sweepLines: [Int?] = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let line = keyNode.mark?.line
            func wrongType(_ expected: String) -> NotebookError {
                fail(value.mark?.line ?? line, "front matter '\(key)' must be \(expected)")
            }
            switch key {
            case "title":
                guard case .scalar(let scalar) = value, tagName(of: value) != .null else {
                    throw wrongType("a line of text, such as: title: Exploring MNIST")
                }
                front.title = scalar.string
            case "seed":
                guard tagName(of: value) == .int, let seed = value.int else {
                    throw wrongType("an integer, such as: seed: 42")
                }
                front.seed = seed
            case "timings":
                guard tagName(of: value) == .bool, let flag = value.bool else { throw wrongType("true or false") }
                front.timings = flag
            case "params":
                front.params = try params(value, wrongType: wrongType, fail: fail)
            case "metrics":
                let names: [String]?
                switch value {
                case .sequence(let items): names = items.map { $0.scalar?.string ?? "" }
                case .scalar(let scalar): names = [scalar.string]
                default: names = nil
                }
                guard let names, names.allSatisfy(Self.isIdentifier) else {
                    throw wrongType("a list of global names, such as: metrics: [test_acc, test_loss]")
                }
                front.metrics = names
            case "sweep":
                (front.sweep, sweepLines) = try sweep(value, wrongType: wrongType, fail: fail)
            case "execute":
                let (options, optionWarnings) = try execute(value, wrongType: wrongType, fail: fail)
                front.execute = options
                warnings += optionWarnings
            case _ where jupyterKeys.contains(key):
                continue
            default:
                warnings.append(FormatWarning(
                    line: (line ?? 1) + 1,
                    message: "unknown front matter key '\(key)' is ignored; the keys are \(keys.joined(separator: ", "))"))
            }
        }
        for (axis, line) in zip(front.sweep, sweepLines) where !front.params.contains(where: { $0.name == axis.name }) {
            throw fail(line, "sweep: '\(axis.name)' is not one of the params; declare it under params: with its default value")
        }
        return (front, warnings)
    }

    /// The line of the closing `---` (or `...`) when line 1 opens front matter; nil when
    /// there is none. A `---` followed by a blank line is a thematic break, not front matter.
    private static func closingLine(of source: SourceText, path: String) -> Result<Int, NotebookError>? {
        var first = source.text(ofLine: 1)
        if first.hasPrefix("\u{FEFF}") { first.removeFirst() }
        guard source.lines.count >= 2, isDelimiter(first, allowDots: false),
              !source.text(ofLine: 2).allSatisfy(\.isWhitespace)
        else { return nil }
        for line in 2...source.lines.count where isDelimiter(source.text(ofLine: line), allowDots: true) {
            return .success(line)
        }
        return .failure(NotebookError(
            path: path, line: 1,
            message: "the front matter opened here is never closed; add a --- line after it"))
    }

    private static func isDelimiter(_ text: String, allowDots: Bool) -> Bool {
        let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" }
        let word = String(trimmed.reversed())
        return word == "---" || (allowDots && word == "...")
    }

    private static func describe(_ error: YamlError) -> (line: Int?, problem: String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // The context mark is where the unfinished construct began, which is where
            // the mistake usually is; the problem mark is often the end of the text.
            guard let context else { return (mark.line, problem) }
            return (context.mark.line, "\(context.text), \(problem)")
        case let .reader(problem, _, _, _): return (nil, problem)
        default: return (nil, "\(error)")
        }
    }

    private static func params(
        _ node: Node, wrongType: (String) -> NotebookError, fail: (Int?, String) -> NotebookError
    ) throws(NotebookError) -> [(name: String, value: ParamValue)] {
        if tagName(of: node) == .null { return [] }
        guard case .mapping(let mapping) = node else {
            throw wrongType("a mapping of names to default values, such as:  params: {epochs: 5}")
        }
        var result: [(name: String, value: ParamValue)] = []
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard isIdentifier(name) else {
                throw fail(key.mark?.line, "parameter name '\(name)' is not a Python identifier; use letters, digits and _, not starting with a digit")
            }
            do {
                result.append((name, try ParamValue(node: value)))
            } catch let problem {
                throw fail(problem.line ?? key.mark?.line, "parameter '\(name)': \(problem.message)")
            }
        }
        return result
    }

    /// `sweep: {units: [32, 128]}`: each parameter's values, a non-empty list each, and the
    /// line of each name.
    private static func sweep(
        _ node: Node, wrongType: (String) -> NotebookError, fail: (Int?, String) -> NotebookError
    ) throws(NotebookError) -> ([(name: String, values: [ParamValue])], [Int?]) {
        if tagName(of: node) == .null { return ([], []) }
        guard case .mapping(let mapping) = node else {
            throw wrongType("a mapping of parameter names to lists of values, such as:  sweep: {units: [32, 128]}")
        }
        var axes: [(name: String, values: [ParamValue])] = []
        var lines: [Int?] = []
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard case .sequence(let items) = value, !items.isEmpty else {
                throw fail(value.mark?.line ?? key.mark?.line, "sweep: '\(name)' must be a non-empty list of values, such as:  \(name): [32, 128]")
            }
            var values: [ParamValue] = []
            for item in items {
                do { values.append(try ParamValue(node: item)) } catch let problem {
                    throw fail(problem.line ?? key.mark?.line, "sweep: '\(name)': \(problem.message)")
                }
            }
            axes.append((name, values))
            lines.append(key.mark?.line)
        }
        return (axes, lines)
    }

    private static func execute(
        _ node: Node, wrongType: (String) -> NotebookError, fail: (Int?, String) -> NotebookError
    ) throws(NotebookError) -> (CellOptions, [FormatWarning]) {
        if tagName(of: node) == .null { return (CellOptions(), []) }
        guard case .mapping(let mapping) = node else {
            throw wrongType("a mapping of cell options, such as:  execute: {timeout: 600}")
        }
        var options = CellOptions()
        var warnings: [FormatWarning] = []
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            let line = key.mark?.line
            guard CellOptions.names.contains(name), name != "id" else {
                warnings.append(FormatWarning(
                    line: (line ?? 1) + 1,
                    message: "'\(name)' under execute: is not a cell option default and is ignored; "
                        + "the defaults are \(CellOptions.names.dropFirst().joined(separator: ", "))"))
                continue
            }
            let converted: ParamValue
            do { converted = try ParamValue(node: value) } catch let problem {
                throw fail(problem.line ?? line, problem.message)
            }
            if let problem = options.set(name, to: converted) {
                throw fail(value.mark?.line ?? line, "front matter execute: " + problem)
            }
        }
        return (options, warnings)
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }
}
