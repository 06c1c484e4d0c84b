import Foundation

/// Re-creates the objects of a snapshot's heap on demand. Containers, frames and exceptions
/// are created empty first and filled afterwards (`drain`), so cycles through them (a list
/// holding itself, a closure stored in its own frame) restore exactly; functions and host
/// objects are built whole, and a cycle that passes through one is a `SnapshotError.cycle`.
final class SnapshotDecoder {
    let interpreter: Interpreter
    let registry: SnapshotRegistry
    let blobStore: SnapshotBlobStore
    private let records: [Data]
    private let sourceTexts: [String]

    private enum Slot {
        case done(AnyObject)
        case inProgress
    }
    private var objects: [Int: Slot] = [:]
    private var fills: [(id: Int, object: AnyObject)] = []
    /// Fills of dicts and sets keyed by cell instances, run once everything else is filled.
    private var keyedByInstances: [() throws -> Void] = []
    private var parsed: [String: [FunctionCode]] = [:]
    /// Deeper than the encoder writes tuples: frozensets (records) nest here too. Restoring
    /// runs on the session's large stack, which holds this many levels.
    static let maxNesting = 20_000
    private var nesting = 0

    init(interpreter: Interpreter, blobStore: SnapshotBlobStore, records: [Data], sourceTexts: [String]) {
        self.interpreter = interpreter
        self.registry = interpreter.registry.snapshotting
        self.blobStore = blobStore
        self.records = records
        self.sourceTexts = sourceTexts
    }

    // MARK: Values

    func decodeValue(_ input: inout ByteReader) throws -> Value {
        // Tuples and frozensets are read recursively: a damaged heap must not overflow the stack.
        nesting += 1
        defer { nesting -= 1 }
        if nesting > SnapshotDecoder.maxNesting {
            throw SnapshotError.malformed("values nested more than \(SnapshotDecoder.maxNesting) levels deep")
        }
        guard let tag = ValueTag(rawValue: try input.byte()) else { throw SnapshotError.malformed("value tag") }
        switch tag {
        case .none: return .none
        case .falseValue: return .bool(false)
        case .trueValue: return .bool(true)
        case .int: return .int(try input.i64())
        case .float: return .float(Double(bitPattern: try input.u64()))
        case .str: return .str(try input.string())
        case .tuple:
            let count = try input.u32()
            var items: [Value] = []
            items.reserveCapacity(min(count, 1 << 16))
            for _ in 0..<count { items.append(try decodeValue(&input)) }
            return .tuple(items)
        case .range:
            let start = try input.i64(), stop = try input.i64(), step = try input.i64()
            guard step != 0 else { throw SnapshotError.malformed("range step 0") }
            return .range(PyRange(start: start, stop: stop, step: step))
        case .slice:
            let start = try decodeValue(&input), stop = try decodeValue(&input), step = try decodeValue(&input)
            return .slice(PySlice(start: start, stop: stop, step: step))
        case .type:
            let sub = try input.byte()
            let name = try input.string()
            switch TypeTag(rawValue: sub) {
            case .builtin?:
                guard let b = BuiltinType(rawValue: name) else { throw SnapshotError.malformed("type \(name)") }
                return .type(.builtin(b))
            case .exception?:
                guard let e = ExceptionType(rawValue: name) else { throw SnapshotError.malformed("type \(name)") }
                return .type(.exception(e))
            case .host?: return .type(.host(name))
            case .other?: return .type(.other(name))
            case nil: throw SnapshotError.malformed("type tag")
            }
        case .object:
            return try value(of: try object(try input.u32()))
        }
    }

    /// A reference written by `SnapshotWriter.write(object:)`.
    func decodeObjectReference(_ input: inout ByteReader) throws -> AnyObject {
        guard try input.byte() == ValueTag.object.rawValue else { throw SnapshotError.malformed("object reference") }
        return try object(try input.u32())
    }

    private func value(of object: AnyObject) throws -> Value {
        switch object {
        case let l as PyList: return .list(l)
        case let d as PyDict: return .dict(d)
        case let s as PySet: return .set(s)
        case let f as PyFunction: return .function(f)
        case let e as PyException: return .exception(e)
        case let b as BuiltinFunction: return .builtin(b)
        case let m as Module: return .module(m)
        case let m as BoundMethod: return .boundMethod(m)
        case let box as ValueBox: return box.value
        case let h as HostObject: return .host(h)
        default: throw SnapshotError.malformed("a \(type(of: object)) is not a value")
        }
    }

    private func frameReference(_ input: inout ByteReader) throws -> Frame? {
        let tag = try input.byte()
        if tag == ValueTag.none.rawValue { return nil }
        guard tag == ValueTag.object.rawValue, let frame = try object(try input.u32()) as? Frame else {
            throw SnapshotError.malformed("frame reference")
        }
        return frame
    }

    private func exceptionReference(_ input: inout ByteReader) throws -> PyException? {
        let value = try decodeValue(&input)
        if case .none = value { return nil }
        guard case .exception(let e) = value else { throw SnapshotError.malformed("exception reference") }
        return e
    }

    // MARK: Objects

    /// ` (keras.Model/3)`: what record `id` holds, for messages.
    private func kindNote(_ id: Int) -> String {
        guard id < records.count else { return "" }
        var input = ByteReader(records[id])
        guard let tag = try? input.byte(), let kind = RecordTag(rawValue: tag) else { return "" }
        if kind == .codable, let name = try? input.string() { return " (\(name))" }
        return " (\(kind))"
    }

    private func object(_ id: Int) throws -> AnyObject {
        switch objects[id] {
        case .done(let object)?: return object
        case .inProgress?: throw SnapshotError.cycle("object \(id)\(kindNote(id))")
        case nil: break
        }
        guard id < records.count else { throw SnapshotError.malformed("object \(id) out of range") }
        var input = ByteReader(records[id])
        guard let tag = RecordTag(rawValue: try input.byte()) else { throw SnapshotError.malformed("record tag") }
        objects[id] = .inProgress
        let made: AnyObject
        switch tag {
        case .list, .dict, .exception:
            made = try shell(tag, &input)
            fills.append((id, made))
        case .set:
            let frozen = try input.byte() != 0
            let set = PySet()
            set.frozen = frozen
            if frozen {
                // Hashed as dict keys and set elements: must be complete before use
                // (unless it holds cell instances: then the dicts and sets keyed by it wait too).
                if let fill = try fillSet(set, &input) { keyedByInstances.append(fill) }
                made = set
            } else {
                made = set
                fills.append((id, made))
            }
        case .frame:
            let count = try input.u32()
            let parent = try frameReference(&input)
            let label = try input.optionalString()
            let name = try input.optionalString()
            let cellNumber = try input.i64()
            let frame = Frame(slotCount: count, parent: parent, label: label, name: name, cellNumber: cellNumber)
            frame.scopeLines = try readRange(&input)
            made = frame
            fills.append((id, made))
        case .function:
            made = try function(&input)
        case .builtin:
            let name = try input.string()
            switch interpreter.builtinValues[name] {
            case .builtin(let b)?: made = b
            case .host(let h)?: made = h  // `Ellipsis`, `NotImplemented`
            default: throw SnapshotError.malformed("unknown builtin \(name)")
            }
        case .moduleAttribute:
            let moduleName = try input.string()
            let name = try input.string()
            let module = try interpreter.importModule(moduleName)
            guard let value = module[name] else {
                throw SnapshotError.malformed("module '\(moduleName)' has no attribute '\(name)'")
            }
            made = try boxed(value)
        case .module:
            made = try interpreter.importModule(try input.string())
        case .boundMethod:
            let receiver = try decodeValue(&input)
            let name = try input.string()
            if try input.byte() == 1 {
                made = BoundMethod(receiver: receiver, name: name, function: try decodeValue(&input))
            } else {
                try drain()  // the receiver must be complete to look the method up
                made = try boxed(try interpreter.getAttribute(receiver, name))
            }
        case .codable:
            let kind = try input.string()
            let payload = try input.bytes()
            guard let restorer = registry.restorers[kind] else { throw SnapshotError.unknownKind(kind) }
            var reader = SnapshotReader(bytes: payload, decoder: self)
            made = try restorer(&reader)
        }
        objects[id] = .done(made)
        return made
    }

    /// An object for any value (module attributes may be plain values).
    private func boxed(_ value: Value) throws -> AnyObject {
        switch value {
        case .builtin(let b): return b
        case .host(let h): return h
        case .boundMethod(let m): return m
        case .function(let f): return f
        case .module(let m): return m
        default: return ValueBox(value)
        }
    }

    private func shell(_ tag: RecordTag, _ input: inout ByteReader) throws -> AnyObject {
        switch tag {
        case .list: return PyList()
        case .dict: return PyDict()
        default:
            let name = try input.string()
            guard let type = ExceptionType(rawValue: name) else { throw SnapshotError.malformed("exception \(name)") }
            return PyException(type, args: [])
        }
    }

    private func function(_ input: inout ByteReader) throws -> PyFunction {
        let sourceNumber = try input.u32()
        let cellNumber = try input.i64()
        let ordinal = try input.u32()
        guard sourceNumber < sourceTexts.count else { throw SnapshotError.malformed("function source") }
        let codes = try parse(sourceTexts[sourceNumber], cellNumber: cellNumber)
        guard ordinal < codes.count else { throw SnapshotError.malformed("function \(ordinal) of its cell") }
        let count = try input.u32()
        var defaults: [Value] = []
        for _ in 0..<count { defaults.append(try decodeValue(&input)) }
        let closure = try frameReference(&input)
        return PyFunction(code: codes[ordinal], defaults: defaults, closure: closure)
    }

    private func parse(_ text: String, cellNumber: Int) throws -> [FunctionCode] {
        let key = "\(cellNumber)\u{0}" + text
        if let codes = parsed[key] { return codes }
        do {
            var parser = try Parser(source: text, cellNumber: cellNumber, globals: interpreter.globals)
            _ = try parser.parseProgram()
            parsed[key] = parser.functionCodes
            return parser.functionCodes
        } catch {
            throw SnapshotError.malformed("a saved function's cell does not parse: \(error)")
        }
    }

    // MARK: Filling

    /// Fills every container created so far (and those their contents create).
    func drain() throws {
        // Dicts and sets keyed by cell instances are filled last: a class's `__hash__`
        // and `__eq__` read the instance's attributes, which must be restored first.
        defer { keyedByInstances.removeAll() }
        while let (id, object) = fills.popLast() {
            var input = ByteReader(records[id])
            _ = try input.byte()
            switch object {
            case let l as PyList:
                let count = try input.u32()
                var items: [Value] = []
                items.reserveCapacity(min(count, 1 << 20))
                for _ in 0..<count { items.append(try decodeValue(&input)) }
                l.items = items
            case let d as PyDict:
                let count = try input.u32()
                var entries: [(Value, Value)] = []
                for _ in 0..<count {
                    let key = try decodeValue(&input)
                    entries.append((key, try decodeValue(&input)))
                }
                let fill = { for (key, value) in entries { try d.set(key, value) } }
                if entries.contains(where: { SnapshotDecoder.holdsInstance($0.0) }) {
                    keyedByInstances.append(fill)
                } else {
                    try fill()
                }
            case let s as PySet:
                _ = try input.byte()
                if let fill = try fillSet(s, &input) { keyedByInstances.append(fill) }
            case let frame as Frame:
                _ = try input.u32()
                _ = try frameReference(&input)
                _ = try input.optionalString()
                _ = try input.optionalString()
                _ = try input.i64()
                _ = try readRange(&input)
                for i in 0..<frame.slots.count where try input.byte() == 1 {
                    frame.slots[i] = try decodeValue(&input)
                }
            case let e as PyException:
                _ = try input.string()
                let count = try input.u32()
                var args: [Value] = []
                for _ in 0..<count { args.append(try decodeValue(&input)) }
                e.args = args
                let entries = try input.u32()
                for _ in 0..<entries {
                    let cell = try input.i64(), line = try input.i64()
                    let function = try input.optionalString(), name = try input.optionalString()
                    e.traceback.append(TracebackEntry(cellNumber: cell, line: line, function: function,
                                                      functionName: name, scopeLines: try readRange(&input)))
                }
                e.cause = try exceptionReference(&input)
                e.context = try exceptionReference(&input)
                e.suppressContext = try input.byte() != 0
                e.isFatal = try input.byte() != 0
            default:
                throw SnapshotError.malformed("cannot fill a \(type(of: object))")
            }
        }
        // In the order they were read: a frozenset of instances before the dicts keyed by it.
        var next = 0
        while next < keyedByInstances.count {
            try keyedByInstances[next]()
            next += 1
        }
    }

    /// Puts a set's table back slot for slot, so iteration order and later insertions are
    /// exactly as before; if an element's hash changed (identity-hashed objects get new
    /// identities), re-adds the elements in their saved order instead. When an element is
    /// (or holds) a cell instance, returns that work for after the instances are filled.
    private func fillSet(_ set: PySet, _ input: inout ByteReader) throws -> (() throws -> Void)? {
        let count = try input.u32(), fill = try input.u32(), finger = try input.u32()
        let size = try input.u32()
        guard size > 0, size & (size - 1) == 0, size <= 1 << 40 else { throw SnapshotError.malformed("set table size") }
        var table = [PySet.Slot](repeating: .empty, count: size)
        var ordered: [Value] = []
        var saved: [(hash: Int, value: Value)] = []
        for i in 0..<size {
            switch try input.byte() {
            case 0: break
            case 1: table[i] = .dummy
            case 2:
                let hash = try input.i64()
                let value = try decodeValue(&input)
                saved.append((hash, value))
                table[i] = .active(hash: hash, value: value)
                ordered.append(value)
            default: throw SnapshotError.malformed("set slot")
            }
        }
        guard ordered.count == count else { throw SnapshotError.malformed("set count") }
        let restore = {
            if saved.allSatisfy({ (try? PySet.hash($0.value)) == $0.hash }) {
                set.restore(table: table, count: count, fill: fill, finger: finger)
            } else {
                for value in ordered { try set.add(value) }
            }
        }
        if ordered.contains(where: SnapshotDecoder.holdsInstance) { return restore }
        try restore()
        return nil
    }

    /// Whether a key is, or is a tuple holding, an instance of a cell class (a frozenset
    /// may still be waiting to be filled: it counts too).
    private static func holdsInstance(_ v: Value) -> Bool {
        switch v {
        case .host(let h): return h is PyInstance
        case .set: return true
        case .tuple(let items): return items.contains(where: holdsInstance)
        default: return false
        }
    }

    private func readRange(_ input: inout ByteReader) throws -> ClosedRange<Int>? {
        guard try input.byte() == 1 else { return nil }
        let low = try input.i64(), high = try input.i64()
        guard low <= high else { throw SnapshotError.malformed("line range") }
        return low...high
    }

    // MARK: Blobs

    func loadBlob(hash: String) throws -> Data {
        try blobStore.data(for: hash)
    }
}

/// A module attribute that is a plain value, kept in the object table.
final class ValueBox {
    let value: Value
    init(_ value: Value) { self.value = value }
}
