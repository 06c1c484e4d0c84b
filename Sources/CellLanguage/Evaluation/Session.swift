import CellOutput
import Foundation

/// What running one cell produced.
public struct CellOutcome {
    /// `print` output (consecutive writes merged into one `.stream`), parts emitted by
    /// libraries, and the `.result` of the last expression, in order. The error, if any,
    /// is not among them: it is `error`.
    public var outputs: [OutputPart]
    /// The exception that stopped the cell (with its IPython-style traceback), or nil.
    public var error: CellError?

    public init(outputs: [OutputPart], error: CellError?) {
        self.outputs = outputs
        self.error = error
    }
}

/// A notebook's Python session: globals and imported modules persist from cell to cell.
///
///     let session = Session(modules: ModuleRegistry())
///     session.run("x = 21", cellNumber: 1)
///     session.run("x * 2", cellNumber: 2).outputs   // [.result("42")]
public final class Session {
    /// The interpreter, for host code that needs it outside a cell (e.g. to build values).
    public let interpreter: Interpreter
    /// Stack size of the thread cells run on: deep recursion ends in RecursionError,
    /// never in a crash.
    static let stackSize = 512 << 20

    public init(modules: ModuleRegistry) {
        interpreter = Interpreter(modules: modules)
    }

    /// The session's values are freed on a large stack too: what the work list of
    /// `ValueReclaimer` does not open (deep chains of iterators, closures, exceptions) may
    /// still free recursively, and the thread that drops a session is often the main
    /// thread, with 8 MB of stack.
    deinit {
        let interpreter = UncheckedBox(interpreter)
        Session.onLargeStack { interpreter.value.releaseValues() }
    }

    /// Transient terminal status (live progress bars); never in the report.
    public var onLiveStatus: (@Sendable (String?) -> Void)? {
        get { interpreter.onLiveStatus }
        set { interpreter.onLiveStatus = newValue }
    }

    /// Notices libraries give the terminal besides the cell's output (see `Interpreter.notice`).
    public var onNotice: ((_ cellNumber: Int, _ line: Int, _ text: String) -> Void)? {
        get { interpreter.onNotice }
        set { interpreter.onNotice = newValue }
    }

    /// A global variable (nil when unbound); setting one injects a parameter.
    public subscript(global name: String) -> Value? {
        get { interpreter[global: name] }
        set { interpreter[global: name] = newValue }
    }

    /// Starts noting which of `names` (the notebook's parameters) cells read, assign or
    /// delete, including through functions defined in earlier cells; `takeTouchedGlobals()`
    /// says which. Setting a global through `subscript(global:)` is not noted.
    ///
    ///     session.watchGlobals(["units", "lr"])
    ///     session.run("def f():\n    return units", cellNumber: 1)
    ///     session.run("f()", cellNumber: 2)
    ///     session.takeTouchedGlobals()   // ["units"]
    public func watchGlobals(_ names: [String]) {
        interpreter.globals.watch(names)
    }

    /// The watched globals touched since the last call (and forgets them).
    public func takeTouchedGlobals() -> Set<String> {
        interpreter.globals.takeTouched()
    }

    /// Stops the running cell with KeyboardInterrupt at its next check (any thread).
    public func interrupt() {
        interpreter.interrupt()
    }

    /// Bound globals in first-assignment order (for state snapshots).
    public var globals: [(name: String, value: Value)] { interpreter.globals.bound }

    /// Runs a cell on a thread with a large stack and returns its outputs and error.
    /// `cellNumber` is the `In[n]` number tracebacks show; `timeout` (seconds) bounds its
    /// run time with `TimeoutError: cell timed out after N seconds`.
    public func run(_ source: String, cellNumber: Int, timeout: Double? = nil) -> CellOutcome {
        let box = UncheckedBox((self, source, cellNumber, timeout))
        return Session.onLargeStack {
            let (session, source, cellNumber, timeout) = box.value
            return session.runHere(source, cellNumber: cellNumber, timeout: timeout)
        }
    }

    /// Runs `body` on a thread of `stackSize` and waits for it.
    static func onLargeStack<T>(_ body: @escaping () -> T) -> T {
        let work = UncheckedBox(body)
        let result = UncheckedBox<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            Thread.current.threadDictionary[Session.largeStackKey] = true
            result.value = work.value()
            done.signal()
        }
        thread.stackSize = Session.stackSize
        thread.start()
        done.wait()
        return result.value!
    }

    /// `onLargeStack` for work that throws.
    static func onLargeStack<T>(_ body: @escaping () throws -> T) throws -> T {
        try onLargeStack { Result { try body() } }.get()
    }

    /// Whether the calling thread is one `onLargeStack` started.
    static var isOnLargeStack: Bool { Thread.current.threadDictionary[largeStackKey] != nil }
    private static let largeStackKey = "labbook.largeStack"

    /// Runs a cell on the calling thread (which must have a large enough stack).
    func runHere(_ source: String, cellNumber: Int, timeout: Double?) -> CellOutcome {
        let interp = interpreter
        interp.outputs = []
        interp.codePoints.removeAll()
        interp.handling = []
        interp.callDepth = 0
        interp.timeoutSeconds = timeout ?? 0
        interp.deadline = timeout.map { DispatchTime.now() + .nanoseconds(Int(min($0, 1e9) * 1e9)) }
        interp.hasDeadline = timeout != nil
        defer {
            interp.deadline = nil
            interp.hasDeadline = false
        }
        interp.cellSources[cellNumber] = Session.cellSource(source)
        let renderer = TracebackRenderer(sources: interp.cellSources)
        let program: Program
        do {
            var parser = try Parser(source: try Magics.neutralise(source), cellNumber: cellNumber, globals: interp.globals)
            program = try parser.parseProgram()
        } catch let e as SyntaxErrorInfo {
            let error = CellError(typeName: e.typeName, message: e.message, cellLine: e.line,
                                  traceback: renderer.renderSyntaxError(e, cellNumber: cellNumber) + "\n")
            return CellOutcome(outputs: [], error: error)
        } catch {
            return CellOutcome(outputs: [], error: CellError(typeName: "SyntaxError", message: "\(error)",
                                                             cellLine: 1, traceback: "SyntaxError: \(error)\n"))
        }
        let frame = Frame(slotCount: 0, parent: nil, label: nil, name: nil, cellNumber: cellNumber)
        interp.currentFrame = frame
        defer { interp.currentFrame = nil }
        do {
            for (i, statement) in program.body.enumerated() {
                if i == program.body.count - 1, program.displaysLastExpression, case .expression(let e, let line) = statement {
                    frame.line = line
                    let value: Value
                    do {
                        value = try interp.eval(e, frame)
                    } catch let error as PyException {
                        interp.record(error, line: line, frame)
                        throw error
                    }
                    if !value.isNone { interp.outputs.append(.result(try interp.repr(value))) }
                    continue
                }
                _ = try interp.execute([statement], frame)
            }
        } catch let e as PyException {
            let line = e.traceback.last(where: { $0.cellNumber == cellNumber && $0.function == nil })?.line
                ?? e.traceback.last?.line ?? 1
            let error = CellError(typeName: e.typeName, message: e.message, cellLine: line,
                                  traceback: renderer.render(e) + "\n")
            return CellOutcome(outputs: interp.outputs, error: error)
        } catch {
            let error = CellError(typeName: "RuntimeError", message: "\(error)", cellLine: 1,
                                  traceback: "RuntimeError: \(error)\n")
            return CellOutcome(outputs: interp.outputs, error: error)
        }
        return CellOutcome(outputs: interp.outputs, error: nil)
    }

    /// Evaluates a Python literal (`-P name=value`): numbers, strings, True/False/None,
    /// and tuples, lists, dicts and sets of literals, as `ast.literal_eval` accepts.
    public func evaluateLiteral(_ text: String) throws -> Value {
        let expr: Expr
        do {
            var parser = try Parser(source: text.trimmingCharacters(in: .whitespaces), cellNumber: 0,
                                    globals: GlobalTable { _ in nil })
            let program = try parser.parseProgram()
            guard program.body.count == 1, case .expression(let e, _) = program.body[0] else {
                throw PyException(.valueError, "malformed node or string: \(text)")
            }
            expr = e
        } catch let e as SyntaxErrorInfo {
            throw PyException(.syntaxError, e.message)
        }
        return try Session.literal(expr, text)
    }

    private static func literal(_ e: Expr, _ text: String) throws -> Value {
        switch e {
        case .constant(let v, _): return v
        case .unary(let op, let inner, _) where op != .invert:
            let v = try literal(inner, text)
            switch (op, v) {
            case (.negate, .int(let i)): return .int(-i)
            case (.negate, .float(let d)): return .float(-d)
            case (.plus, .int), (.plus, .float): return v
            default: break
            }
        case .tuple(let items, _): return .tuple(try items.map { try literal($0, text) })
        case .list(let items, _): return .list(PyList(try items.map { try literal($0, text) }))
        case .set(let items, _): return .set(try PySet(try items.map { try literal($0, text) }))
        case .dict(let items, _):
            let d = PyDict()
            for item in items {
                guard case .pair(let k, let v) = item else { break }
                try d.set(try literal(k, text), try literal(v, text))
            }
            if d.count == items.count { return .dict(d) }
        default: break
        }
        throw PyException(.valueError, "malformed node or string: \(text)")
    }

    /// Lines and IPython "pieces" of a cell: each logical line (a statement spanning
    /// bracketed lines is one piece) and each comment line; blank lines are not pieces.
    static func cellSource(_ source: String) -> CellSource {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var pieces: [ClosedRange<Int>] = []
        var covered = Set<Int>()
        var lexer = Lexer(source)
        if let tokens = try? lexer.tokenize() {
            var start: Int?
            for t in tokens {
                switch t.kind {
                case .newline:
                    if let s = start {
                        pieces.append(s...max(s, t.line))
                        for l in s...max(s, t.line) { covered.insert(l) }
                    }
                    start = nil
                case .indent, .dedent, .endOfInput: break
                default: if start == nil { start = t.line }
                }
            }
        }
        for (i, line) in lines.enumerated() where !covered.contains(i + 1) {
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { pieces.append((i + 1)...(i + 1)) }
        }
        pieces.sort { $0.lowerBound < $1.lowerBound }
        return CellSource(lines: lines, pieces: pieces)
    }
}

/// Carries values into the cell thread (the session is used by one cell at a time).
final class UncheckedBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
