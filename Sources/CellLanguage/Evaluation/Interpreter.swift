import CellOutput
import Foundation

/// A call frame: the slots of a function call or comprehension, and its lexical parent
/// (for closures). A cell's top level runs in a frame without slots.
final class Frame {
    let slots: FixedSlots
    let parent: Frame?
    /// IPython's label for tracebacks: `f(x)`, `<listcomp>(.0)`; nil at a cell's top level.
    let label: String?
    /// The function's qualified name, for collapsing repeated frames.
    let name: String?
    let cellNumber: Int
    /// Lines traceback context is taken from (nil: the whole cell).
    var scopeLines: ClosedRange<Int>?
    /// Whether this frame runs a class body (whose names functions in it do not see).
    var isClassBody = false
    /// The line of the statement running in this frame.
    var line = 0 { didSet { callLine = 0 } }
    /// The line of the call this frame's statement is making (its opening parenthesis), 0
    /// before the statement calls anything: where `warnings.warn(stacklevel=2)` reports, as
    /// CPython names the line of the call inside a statement spread over several lines.
    var callLine = 0
    /// The frame that called this one, while the call runs (`warn(stacklevel=2)`). Not
    /// retained (set on every call): only read while walking up from the running frame,
    /// whose callers are all still running.
    unowned(unsafe) var caller: Frame?
    /// The cell function this frame is a call of (zero-argument `super()` asks it).
    weak var function: PyFunction?

    /// The frame functions and comprehensions defined here close over: this one, or for
    /// a class body the frame enclosing the class.
    var closureScope: Frame? { isClassBody ? parent : self }

    init(slotCount: Int, parent: Frame?, label: String?, name: String?, cellNumber: Int,
         scopeLines: ClosedRange<Int>? = nil) {
        slots = FixedSlots(count: slotCount)
        self.scopeLines = scopeLines
        self.parent = parent
        self.label = label
        self.name = name
        self.cellNumber = cellNumber
    }

    deinit {
        slots.release()
    }
}

/// How a block of statements finished.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returnValue(Value)
}

/// Runs parsed cells. One interpreter holds a session's globals and imported modules;
/// host code receives it in every call to write output, call back into cell functions,
/// import modules and check the deadline.
public final class Interpreter {
    let globals: GlobalTable
    let registry: ModuleRegistry
    var loadedModules: [String: Module] = [:]
    /// What the running cell has produced so far.
    var outputs: [OutputPart] = []
    /// Python call depth, for RecursionError, the tick count and whether the cell has a
    /// deadline (behind a pointer: no exclusivity checks).
    private let counters = UnsafeMutablePointer<Int>.allocate(capacity: 3)
    var callDepth: Int {
        @inline(__always) get { counters[0] }
        @inline(__always) set { counters[0] = newValue }
    }
    var tick: Int {
        @inline(__always) get { counters[1] }
        @inline(__always) set { counters[1] = newValue }
    }
    /// Whether `deadline` is set, read after every builtin call.
    var hasDeadline: Bool {
        @inline(__always) get { counters[2] != 0 }
        @inline(__always) set { counters[2] = newValue ? 1 : 0 }
    }
    /// Maximum Python call depth before `RecursionError: maximum recursion depth exceeded`.
    /// (Read on every call: no exclusivity checks; only the interpreter's thread sets it.)
    @exclusivity(unchecked) public var recursionLimit = 1000
    /// Exceptions whose `except` blocks are running (innermost last).
    var handling: [PyException] = []
    /// The frame of the innermost running cell function (or the cell's top level); nil
    /// between cells. Not retained: set on every call, and every frame on it is running.
    unowned(unsafe) var currentFrame: Frame?
    var deadline: DispatchTime?
    var timeoutSeconds: Double = 0
    private let interruptLock = NSLock()
    private var interruptRequested = false
    /// Source lines of the cells run so far, for traceback context.
    var cellSources: [Int: CellSource] = [:]
    /// Transient status for terminals (live progress bars); never part of outputs.
    public var onLiveStatus: (@Sendable (String?) -> Void)?
    /// Where a library's notice for the terminal goes (`notice(_:)`): the cell number, the
    /// line within the cell, the text. The runner turns it into a `nb.md:45: warning:` line.
    public var onNotice: ((_ cellNumber: Int, _ line: Int, _ text: String) -> Void)?
    var builtinValues: [String: Value] = [:]
    /// Code point counts and offsets of long strings, for O(1) `len(s)` and `s[i]`.
    let codePoints = CodePointIndex()

    public init(modules: ModuleRegistry) {
        registry = modules
        counters.initialize(repeating: 0, count: 3)
        let table = Builtins.make()
        builtinValues = table
        globals = GlobalTable { table[$0] }
    }

    deinit {
        counters.deallocate()
    }

    /// Drops every value the session holds (globals, modules, the last outputs): called by
    /// the session's teardown on a thread with a large stack.
    func releaseValues() {
        for i in globals.names.indices { globals.values[i] = nil }
        loadedModules = [:]
        outputs = []
        handling = []
    }

    // MARK: Output

    /// Appends text to the cell's output; consecutive writes merge into one stream part.
    ///
    /// Amortised O(1) per write: the last part is moved out of the array before appending,
    /// so its string is uniquely referenced and grows in place instead of being copied.
    public func write(_ text: String) {
        if case .stream = outputs.last, case .stream(var merged) = outputs.removeLast() {
            merged += text
            outputs.append(.stream(merged))
        } else {
            outputs.append(.stream(text))
        }
    }

    /// Appends a typed output part (a table, a chart, a figure).
    public func emit(_ part: OutputPart) {
        if case .stream(let text) = part {
            write(text)
        } else if case .record = part, case .stream? = outputs.last {
            // A record has no text: kept before the text being printed, so that text and
            // the prints after it stay one stream part, as without records.
            outputs.insert(part, at: outputs.count - 1)
        } else {
            outputs.append(part)
        }
    }

    /// Shows (or with nil clears) a transient status line on a terminal, e.g. a live
    /// progress bar. It never appears in reports.
    public func liveStatus(_ text: String?) {
        onLiveStatus?(text)
    }

    // MARK: Deadline

    /// Raises `TimeoutError: cell timed out after N seconds` once the cell's deadline has
    /// passed, and `KeyboardInterrupt` after `interrupt()`. Host code calls it during long work.
    public func checkDeadline() throws {
        if let deadline, DispatchTime.now() > deadline {
            let e = PyException(.timeoutError, "cell timed out after \(Interpreter.seconds(timeoutSeconds)) seconds")
            e.isFatal = true
            throw e
        }
        interruptLock.lock()
        let interrupted = interruptRequested
        interruptRequested = false
        interruptLock.unlock()
        if interrupted {
            let e = PyException(.keyboardInterrupt, args: [])
            e.isFatal = true
            throw e
        }
    }

    /// Asks the running cell to stop with KeyboardInterrupt (safe from any thread).
    public func interrupt() {
        interruptLock.lock()
        interruptRequested = true
        interruptLock.unlock()
    }

    /// Checks the deadline every 1024 ticks (loop iterations and calls, and the items that
    /// builtins such as `sum` and `sorted` go through).
    /// Every 65,536 ticks it also reads the process's memory, for growth no allocation
    /// reported to `MemoryLimit`.
    @inline(__always)
    func tickDeadline() throws {
        tick &+= 1
        if tick & 1023 == 0 {
            try checkDeadline()
            if tick & 0xFFFF == 0 { try MemoryLimit.checkUsage() }
        }
    }

    /// Checks the deadline, if the cell has one, right after a builtin or library call: one
    /// call (a NumPy operation on a big array, a join) may take seconds and cannot stop
    /// half-way, but the cell stops as soon as it returns. The memory its result took is
    /// measured then too, when due.
    @inline(__always)
    func checkDeadlineAfterCall() throws {
        if hasDeadline { try checkDeadline() }
        try MemoryLimit.checkDue()
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() && abs(s) < 1e15 ? String(Int(s)) : ValueFormatting.floatRepr(s)
    }

    // MARK: Globals

    /// A global variable of the session.
    public subscript(global name: String) -> Value? {
        get { globals[name] }
        set { globals[name] = newValue }
    }

    // MARK: Traceback recording

    /// Adds `frame`'s line to the exception's traceback, once per frame.
    @inline(__always)
    func record(_ e: PyException, line: Int, _ frame: Frame) {
        if e.lastRecorder !== frame {
            e.traceback.append(TracebackEntry(cellNumber: frame.cellNumber, line: line, function: frame.label,
                                              functionName: frame.name, scopeLines: frame.scopeLines))
            e.lastRecorder = frame
        }
    }
}

/// A cell's source lines and its "pieces" (logical lines and comment lines), used to show
/// context in tracebacks the way IPython does.
struct CellSource {
    var lines: [String]
    /// Line ranges (1-based, inclusive) of the non-blank pieces, in order.
    var pieces: [ClosedRange<Int>]
}
