/// A value of the cell language.
///
/// Containers with identity (list, dict, set) are class boxes, so `b = a; b.append(1)`
/// changes `a` as in Python; tuples and strings are values. Objects from other targets
/// (models, arrays, histories) are `.host`.
///
///     Value.list(PyList([.int(1), .str("a")])).repr   // "[1, 'a']"
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case list(PyList)
    case tuple([Value])
    case dict(PyDict)
    case set(PySet)
    case range(PyRange)
    indirect case slice(PySlice)
    case function(PyFunction)
    case builtin(BuiltinFunction)
    case boundMethod(BoundMethod)
    case module(Module)
    case exception(PyException)
    case type(PyType)
    case iterator(PyIterator)
    case host(HostObject)

    /// The Python type name, as in error messages: `'int'`, `'list'`, `'Sequential'`.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .set(let s): return s.frozen ? "frozenset" : "set"
        case .range: return "range"
        case .slice: return "slice"
        case .function: return "function"
        case .builtin: return "builtin_function_or_method"
        case .boundMethod(let m): return m.isBuiltin ? "builtin_function_or_method" : "method"
        case .module: return "module"
        case .exception(let e): return e.typeName
        case .type: return "type"
        case .iterator(let it): return it.typeName
        case .host(let h): return h.typeName
        }
    }

    /// The type object, as `type(x)` returns it.
    public var pythonType: PyType {
        switch self {
        case .none: return .builtin(.noneType)
        case .bool: return .builtin(.bool)
        case .int: return .builtin(.int)
        case .float: return .builtin(.float)
        case .str: return .builtin(.str)
        case .list: return .builtin(.list)
        case .tuple: return .builtin(.tuple)
        case .dict: return .builtin(.dict)
        case .set(let s): return .builtin(s.frozen ? .frozenset : .set)
        case .range: return .builtin(.range)
        case .slice: return .builtin(.slice)
        case .function: return .builtin(.function)
        case .builtin: return .builtin(.builtinFunction)
        case .boundMethod(let m): return .builtin(m.isBuiltin ? .builtinFunction : .method)
        case .module: return .builtin(.module)
        case .exception(let e): return .exception(e.type)
        case .type: return .builtin(.type)
        case .iterator(let it): return .other(it.typeName)
        case .host(let h): return .host(h.typeName)
        }
    }

    /// Python truthiness for values that need no interpreter (host objects ask themselves).
    public var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .set(let s): return s.count > 0
        case .range(let r): return r.count > 0
        case .host(let h): return (try? h.isTruthy()) ?? true
        default: return true
        }
    }

    /// A Swift `Double` for ints, floats and bools (nil otherwise).
    public var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .host(let h): return h.asDouble
        default: return nil
        }
    }

    /// A Swift `Int` for ints and bools (nil otherwise).
    public var asInt: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .host(let h): return h.asInt
        default: return nil
        }
    }

    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}

/// A Python list: a mutable, shared array of values.
public final class PyList {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
    deinit { ValueReclaimer.reclaim(&items) }
}

/// Python's `range`.
public struct PyRange: Equatable {
    public var start: Int
    public var stop: Int
    public var step: Int

    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// The length, nil when it passes `Int.max` (`range(-2**63, 2**63 - 1)`); the distance
    /// between two Ints always fits a UInt, so nothing here can overflow.
    public var exactCount: Int? {
        let span = step > 0 ? (start < stop ? UInt(bitPattern: stop &- start) : 0)
                            : (start > stop ? UInt(bitPattern: start &- stop) : 0)
        guard span > 0 else { return 0 }
        let length = (span - 1) / step.magnitude + 1
        return length > UInt(Int.max) ? nil : Int(length)
    }

    /// The length, clamped to `Int.max`; `len()` raises OverflowError past that.
    public var count: Int { exactCount ?? Int.max }

    /// Item `i` (`0 ..< count`); wrapping arithmetic is exact for every item of the range.
    public subscript(i: Int) -> Int { start &+ i &* step }

    public func contains(_ v: Int) -> Bool {
        if step > 0 { guard v >= start && v < stop else { return false } }
        else { guard v <= start && v > stop else { return false } }
        let distance = step > 0 ? UInt(bitPattern: v &- start) : UInt(bitPattern: start &- v)
        return distance % step.magnitude == 0
    }
}

/// A slice object `start:stop:step`, as passed to `__getitem__` (host objects receive it).
public struct PySlice {
    public var start: Value
    public var stop: Value
    public var step: Value

    public init(start: Value = .none, stop: Value = .none, step: Value = .none) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// The concrete indices for a sequence of `length` elements, as `slice.indices()`.
    public func indices(length: Int) throws -> (start: Int, stop: Int, step: Int) {
        func integer(_ v: Value) throws -> Int? {
            if case .none = v { return nil }
            guard let i = v.asInt else {
                throw PyException(.typeError, "slice indices must be integers or None or have an __index__ method")
            }
            return i
        }
        let step = try integer(self.step) ?? 1
        if step == 0 { throw PyException(.valueError, "slice step cannot be zero") }
        func clamp(_ v: Int?, _ defaultValue: Int) -> Int {
            guard var i = v else { return defaultValue }
            if i < 0 {
                i += length
                if i < 0 { i = step < 0 ? -1 : 0 }
            } else if i >= length {
                i = step < 0 ? length - 1 : length
            }
            return i
        }
        let start = clamp(try integer(self.start), step < 0 ? length - 1 : 0)
        let stop = clamp(try integer(self.stop), step < 0 ? -1 : length)
        return (start, stop, step)
    }

    /// The element positions the slice selects in a sequence of `length` elements.
    public func positions(length: Int) throws -> StrideTo<Int> {
        let (start, stop, step) = try indices(length: length)
        return stride(from: start, to: stop, by: step)
    }
}

/// A function defined in a cell (`def` or `lambda`), with its defaults and closure.
public final class PyFunction {
    let code: FunctionCode
    /// Values of the parameters that have defaults, in parameter order.
    let defaults: [Value]
    let closure: Frame?
    /// `code.scopeLines`, taken when the function is created (its cell is parsed by then),
    /// so calls do not recompute it.
    let scopeLines: ClosedRange<Int>?
    /// `code`'s parsed body, lambda expression and frame size, copied into `let`s for calls.
    let body: [Stmt]
    let expression: Expr?
    /// The line errors in `expression` are reported at: a lambda's, or for a `def` whose
    /// body is one `return x` (evaluated like a lambda, skipping the statement machinery),
    /// that statement's.
    let expressionLine: Int
    let slotCount: Int
    /// `code.directPositionalLimit`, and how many parameters a call can name (positional
    /// and keyword-only), copied for calls.
    let directPositionalLimit: Int
    let namedCount: Int

    init(code: FunctionCode, defaults: [Value], closure: Frame?) {
        self.code = code
        self.defaults = defaults
        self.closure = closure
        scopeLines = code.scopeLines
        body = code.body
        if let e = code.expression {
            expression = e
            expressionLine = code.line
        } else if code.body.count == 1, case .returnValue(let e?, let line) = code.body[0] {
            expression = e
            expressionLine = line
        } else {
            expression = nil
            expressionLine = code.line
        }
        slotCount = code.slotCount
        directPositionalLimit = code.directPositionalLimit
        namedCount = code.layout.named.count
    }

    /// Frames of this function's finished calls, emptied, for its next calls to reuse: a
    /// call then allocates nothing (recursion keeps one per level, up to `maxSpareFrames`).
    /// Only the interpreter's thread touches them, hence no exclusivity checks.
    @exclusivity(unchecked) private var spareFrames: [Frame] = []
    private static let maxSpareFrames = 64

    /// A frame for a new call: a spare one, or a fresh one.
    @inline(__always)
    func takeFrame() -> Frame {
        if let frame = spareFrames.popLast() { return frame }
        let frame = Frame(slotCount: slotCount, parent: closure, label: code.signature, name: code.qualifiedName,
                          cellNumber: code.cellNumber, scopeLines: scopeLines)
        frame.function = self
        return frame
    }

    /// Takes back the frame of a call that returned, unless something still holds it (a
    /// closure made in the call, a traceback).
    @inline(__always)
    func recycle(_ frame: inout Frame) {
        guard isKnownUniquelyReferenced(&frame), spareFrames.count < PyFunction.maxSpareFrames else { return }
        frame.slots.clear()
        spareFrames.append(frame)
    }

    public var name: String { code.name }
    /// `outer.<locals>.inner`, `<lambda>`.
    public var qualifiedName: String { code.qualifiedName }
    /// The cell (`In[n]`) and line where the function was defined.
    public var definedIn: (cell: Int, line: Int) { (code.cellNumber, code.line) }

    /// Whether a call may pass `keyword=`: a parameter of that name or `**kwargs` (Keras
    /// passes `training=` to a `call` only when its signature takes it).
    public func accepts(keyword: String) -> Bool {
        code.layout.varKeywordsSlot != nil || code.layout.named.contains { $0.name == keyword }
    }
}

/// A function implemented in Swift: a builtin, a module function, or a method of a host
/// object.
///
///     BuiltinFunction("double") { args, _ in
///         let x = try args.bind("double", ["x"])["x"]
///         return .int(try x.integer() * 2)   // see ValueConversions
///     }
public final class BuiltinFunction {
    public let name: String
    public let body: (Arguments, Interpreter) throws -> Value

    public init(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.body = body
    }
}

/// A method bound to its receiver: `xs.append`, or a cell function stored on a host object.
public final class BoundMethod {
    public let receiver: Value
    public let name: String
    public let function: Value
    init(receiver: Value, name: String, function: Value) {
        self.receiver = receiver
        self.name = name
        self.function = function
    }
    var isBuiltin: Bool {
        if case .function = function { return false }
        return true
    }
}

/// An iterator (`iter(x)`, `map`, `zip`, generator expressions...): `next()` returns nil
/// when exhausted.
public final class PyIterator {
    public let typeName: String
    private let nextValue: () throws -> Value?
    private var exhausted = false
    /// The generator behind a generator function's iterator (`send`, `throw`, `close`).
    let generator: PyGenerator?

    init(_ typeName: String, generator: PyGenerator) {
        self.typeName = typeName
        self.generator = generator
        nextValue = { try generator.step(.send(.none)) }
    }

    public init(_ typeName: String, _ next: @escaping () throws -> Value?) {
        self.typeName = typeName
        self.nextValue = next
        generator = nil
    }

    /// An iterator over a fixed array.
    public convenience init(_ typeName: String, values: [Value]) {
        var i = 0
        self.init(typeName) {
            guard i < values.count else { return nil }
            i += 1
            return values[i - 1]
        }
    }

    public func next() throws -> Value? {
        if exhausted { return nil }
        if let v = try nextValue() { return v }
        exhausted = true
        return nil
    }
}
