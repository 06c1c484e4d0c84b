import Foundation

/// Encodes a session's state: globals by reference into one heap of object records (so
/// aliasing and cycles survive), functions by their cell's source, modules by name, host
/// objects through `SnapshotCodable`, session state through `SessionStateProvider`s.
final class SnapshotEncoder {
    let interpreter: Interpreter
    let registry: SnapshotRegistry
    let blobStore: SnapshotBlobStore
    /// Where the value being encoded was reached from, for messages: `global 'it'`.
    var root = ""

    /// How deep inline values (tuples, slices) may nest: the decoder reads them recursively.
    static let maxNesting = 10_000
    /// How many values the state may hold (`Session.snapshotValueLimit`).
    let maxValues: Int
    private var nesting = 0
    private var valueCount = 0
    private var ids: [ObjectIdentifier: Int] = [:]
    private var retained: [AnyObject] = []
    private(set) var records: [Data] = []
    private var pending: [(id: Int, object: Pending, root: String)] = []
    private(set) var blobs: [String] = []
    private var blobSet = Set<String>()
    private var sourceIndex: [ObjectIdentifier: Int] = [:]
    private(set) var sourceTexts: [String] = []
    /// Cells whose lines a saved function, frame or traceback refers to.
    private(set) var referencedCells = Set<Int>()
    /// Blob hashes of source texts already stored by this encoder.
    private var textBlobs: [String: String] = [:]
    private lazy var moduleAttributes: [ObjectIdentifier: (module: String, name: String)] = indexModuleAttributes()
    /// The builtin names bound to host objects (`Ellipsis`, `NotImplemented`), by object.
    private lazy var builtinHosts: [ObjectIdentifier: String] = {
        var names: [ObjectIdentifier: String] = [:]
        for (name, value) in interpreter.builtinValues {
            if case .host(let h) = value { names[ObjectIdentifier(h)] = name }
        }
        return names
    }()

    private func builtinHostName(_ h: HostObject) -> String? { builtinHosts[ObjectIdentifier(h)] }

    enum Pending {
        case list(PyList), dict(PyDict), set(PySet), function(PyFunction), frame(Frame)
        case exception(PyException), builtin(String), moduleAttribute(String, String), module(String)
        case boundMethod(BoundMethod), codable(SnapshotCodable, kind: String)
    }

    init(interpreter: Interpreter, blobStore: SnapshotBlobStore, maxValues: Int = Session.snapshotValueLimit) {
        self.interpreter = interpreter
        self.maxValues = maxValues
        self.registry = interpreter.registry.snapshotting
        self.blobStore = blobStore
    }

    // MARK: Values

    func encode(_ value: Value, into out: inout ByteWriter) throws {
        // Containers are records (written from a work list); tuples and slices nest inline.
        nesting += 1
        defer { nesting -= 1 }
        if nesting > SnapshotEncoder.maxNesting {
            throw SnapshotError.unsupported("\(root) is nested more than \(SnapshotEncoder.maxNesting) levels deep")
        }
        valueCount += 1
        if valueCount > maxValues {
            throw SnapshotError.unsupported(
                "the state holds more than \(maxValues) values (\(root) among them), too many to save after every cell")
        }
        switch value {
        case .none: out.byte(ValueTag.none.rawValue)
        case .bool(let b): out.byte(b ? ValueTag.trueValue.rawValue : ValueTag.falseValue.rawValue)
        case .int(let i):
            out.byte(ValueTag.int.rawValue)
            out.i64(i)
        case .float(let d):
            out.byte(ValueTag.float.rawValue)
            out.u64(d.bitPattern)
        case .str(let s):
            out.byte(ValueTag.str.rawValue)
            out.string(s)
        case .tuple(let items):
            out.byte(ValueTag.tuple.rawValue)
            out.u32(items.count)
            for item in items { try encode(item, into: &out) }
        case .range(let r):
            out.byte(ValueTag.range.rawValue)
            out.i64(r.start)
            out.i64(r.stop)
            out.i64(r.step)
        case .slice(let s):
            out.byte(ValueTag.slice.rawValue)
            try encode(s.start, into: &out)
            try encode(s.stop, into: &out)
            try encode(s.step, into: &out)
        case .type(let t):
            out.byte(ValueTag.type.rawValue)
            switch t {
            case .builtin(let b): out.byte(TypeTag.builtin.rawValue); out.string(b.rawValue)
            case .exception(let e): out.byte(TypeTag.exception.rawValue); out.string(e.rawValue)
            case .host(let n): out.byte(TypeTag.host.rawValue); out.string(n)
            case .other(let n): out.byte(TypeTag.other.rawValue); out.string(n)
            }
        case .list(let l): reference(l, .list(l), into: &out)
        case .dict(let d): reference(d, .dict(d), into: &out)
        case .set(let s): reference(s, .set(s), into: &out)
        case .function(let f): reference(f, .function(f), into: &out)
        case .exception(let e): reference(e, .exception(e), into: &out)
        case .boundMethod(let m): reference(m, .boundMethod(m), into: &out)
        case .module(let m):
            guard interpreter.loadedModules[m.name] === m else {
                throw SnapshotError.unsupported("\(root) refers to a module '\(m.name)' that was not imported by name")
            }
            reference(m, .module(m.name), into: &out)
        case .builtin(let b):
            if case .builtin(let known)? = interpreter.builtinValues[b.name], known === b {
                reference(b, .builtin(b.name), into: &out)
            } else if let place = moduleAttributes[ObjectIdentifier(b)] {
                reference(b, .moduleAttribute(place.module, place.name), into: &out)
            } else {
                throw SnapshotError.unsupported("\(root) holds the built-in function '\(b.name)', which cannot be saved")
            }
        case .host(let h):
            if let name = builtinHostName(h) {
                // `Ellipsis`, `NotImplemented`: singletons saved by their builtin name.
                reference(h, .builtin(name), into: &out)
            } else if let place = moduleAttributes[ObjectIdentifier(h)] {
                reference(h, .moduleAttribute(place.module, place.name), into: &out)
            } else {
                try encode(object: h, typeName: h.typeName, into: &out)
            }
        case .iterator(let it):
            if let g = it.generator {
                // A paused generator's place is a walk through its function's syntax tree.
                throw SnapshotError.unsupported("\(root) holds a generator of '\(g.function.code.qualifiedName)()', which cannot be saved")
            }
            throw SnapshotError.unsupported("\(root) holds a '\(it.typeName)' iterator, which cannot be saved")
        }
    }

    func encode(object: AnyObject, typeName: String? = nil, into out: inout ByteWriter) throws {
        if let id = ids[ObjectIdentifier(object)] {
            writeReference(id, into: &out)
            return
        }
        let name = typeName ?? String(describing: type(of: object))
        guard let codable = object as? SnapshotCodable else {
            throw SnapshotError.unsupported("\(root) holds a '\(name)' object, which cannot be saved")
        }
        let kind = type(of: codable).snapshotKind
        guard registry.canRestore(kind: kind) else {
            throw SnapshotError.unsupported("\(root) holds a '\(name)' object, whose kind '\(kind)' is not registered")
        }
        reference(object, .codable(codable, kind: kind), into: &out)
    }

    private func reference(_ object: AnyObject, _ make: @autoclosure () -> Pending, into out: inout ByteWriter) {
        let key = ObjectIdentifier(object)
        let id: Int
        if let known = ids[key] {
            id = known
        } else {
            id = records.count
            ids[key] = id
            retained.append(object)
            records.append(Data())
            pending.append((id, make(), root))
        }
        writeReference(id, into: &out)
    }

    private func writeReference(_ id: Int, into out: inout ByteWriter) {
        out.byte(ValueTag.object.rawValue)
        out.u32(id)
    }

    private func frameReference(_ frame: Frame?, into out: inout ByteWriter) {
        guard let frame else {
            out.byte(ValueTag.none.rawValue)
            return
        }
        reference(frame, .frame(frame), into: &out)
    }

    // MARK: Records

    /// Encodes every object reached so far (and those they reach).
    func finish() throws {
        while let (id, object, root) = pending.popLast() {
            self.root = root
            var out = ByteWriter()
            try encodeRecord(object, into: &out)
            records[id] = out.data
        }
    }

    private func encodeRecord(_ object: Pending, into out: inout ByteWriter) throws {
        switch object {
        case .list(let l):
            out.byte(RecordTag.list.rawValue)
            out.u32(l.items.count)
            for item in l.items { try encode(item, into: &out) }
        case .dict(let d):
            out.byte(RecordTag.dict.rawValue)
            let keys = d.keys, values = d.values
            out.u32(keys.count)
            for (k, v) in zip(keys, values) {
                try encode(k, into: &out)
                try encode(v, into: &out)
            }
        case .set(let s):
            out.byte(RecordTag.set.rawValue)
            out.byte(s.frozen ? 1 : 0)
            let layout = s.layout
            out.u32(s.count)
            out.u32(layout.fill)
            out.u32(layout.finger)
            out.u32(s.table.count)
            for slot in s.table {
                switch slot {
                case .empty: out.byte(0)
                case .dummy: out.byte(1)
                case .active(let hash, let value):
                    out.byte(2)
                    out.i64(hash)
                    try encode(value, into: &out)
                }
            }
        case .function(let f):
            guard let origin = f.code.origin else {
                throw SnapshotError.unsupported("\(root) holds the function '\(f.name)', whose source is unknown")
            }
            out.byte(RecordTag.function.rawValue)
            out.u32(sourceNumber(origin.source))
            out.i64(f.code.cellNumber)
            referencedCells.insert(f.code.cellNumber)
            out.u32(origin.ordinal)
            out.u32(f.defaults.count)
            for value in f.defaults { try encode(value, into: &out) }
            frameReference(f.closure, into: &out)
        case .frame(let frame):
            out.byte(RecordTag.frame.rawValue)
            out.u32(frame.slots.count)
            frameReference(frame.parent, into: &out)
            out.optionalString(frame.label)
            out.optionalString(frame.name)
            out.i64(frame.cellNumber)
            referencedCells.insert(frame.cellNumber)
            writeRange(frame.scopeLines, into: &out)
            for i in 0..<frame.slots.count {
                if let value = frame.slots[i] {
                    out.byte(1)
                    try encode(value, into: &out)
                } else {
                    out.byte(0)
                }
            }
        case .exception(let e):
            if let instance = e.instance {
                throw SnapshotError.unsupported("\(root) holds an instance of the exception class '\(instance.cls.name)', which cannot be saved")
            }
            out.byte(RecordTag.exception.rawValue)
            out.string(e.type.rawValue)
            out.u32(e.args.count)
            for arg in e.args { try encode(arg, into: &out) }
            out.u32(e.traceback.count)
            for entry in e.traceback {
                out.i64(entry.cellNumber)
                referencedCells.insert(entry.cellNumber)
                out.i64(entry.line)
                out.optionalString(entry.function)
                out.optionalString(entry.functionName)
                writeRange(entry.scopeLines, into: &out)
            }
            try exceptionReference(e.cause, into: &out)
            try exceptionReference(e.context, into: &out)
            out.byte(e.suppressContext ? 1 : 0)
            out.byte(e.isFatal ? 1 : 0)
        case .builtin(let name):
            out.byte(RecordTag.builtin.rawValue)
            out.string(name)
        case .moduleAttribute(let module, let name):
            out.byte(RecordTag.moduleAttribute.rawValue)
            out.string(module)
            out.string(name)
        case .module(let name):
            out.byte(RecordTag.module.rawValue)
            out.string(name)
        case .boundMethod(let m):
            out.byte(RecordTag.boundMethod.rawValue)
            try encode(m.receiver, into: &out)
            out.string(m.name)
            if case .function = m.function {
                out.byte(1)
                try encode(m.function, into: &out)
            } else {
                out.byte(0)
            }
        case .codable(let object, let kind):
            out.byte(RecordTag.codable.rawValue)
            out.string(kind)
            var writer = SnapshotWriter(encoder: self)
            try object.snapshot(into: &writer)
            out.bytes(writer.bytes.data)
        }
    }

    private func exceptionReference(_ e: PyException?, into out: inout ByteWriter) throws {
        guard let e else {
            out.byte(ValueTag.none.rawValue)
            return
        }
        try encode(.exception(e), into: &out)
    }

    private func writeRange(_ range: ClosedRange<Int>?, into out: inout ByteWriter) {
        guard let range else {
            out.byte(0)
            return
        }
        out.byte(1)
        out.i64(range.lowerBound)
        out.i64(range.upperBound)
    }

    private func sourceNumber(_ source: FunctionSource) -> Int {
        if let n = sourceIndex[ObjectIdentifier(source)] { return n }
        let n = sourceTexts.count
        sourceIndex[ObjectIdentifier(source)] = n
        sourceTexts.append(source.text)
        retained.append(source)
        return n
    }

    // MARK: Blobs

    /// Stores a source text as a blob (content-addressed, so each text once) and returns
    /// its hash; the heap's blob list names it, so the cache checks and keeps it.
    func storeText(_ text: String) throws -> String {
        if let hash = textBlobs[text], blobStore.contains(hash) { return hash }
        let hash = try blobStore.put(Data(text.utf8))
        textBlobs[text] = hash
        if blobSet.insert(hash).inserted { blobs.append(hash) }
        return hash
    }

    func storeBlob(owner: AnyObject?, version: Int, _ make: () throws -> Data) throws -> String {
        let hash: String
        if let owner, let known = registry.memoizedBlob(owner: owner, version: version), blobStore.contains(known) {
            hash = known
        } else {
            hash = try blobStore.put(try make())
            if let owner { registry.memoize(blob: hash, owner: owner, version: version) }
        }
        if blobSet.insert(hash).inserted { blobs.append(hash) }
        return hash
    }

    // MARK: Module attributes

    /// Objects reachable as `module.name`, saved by that name (restored by re-importing).
    private func indexModuleAttributes() -> [ObjectIdentifier: (module: String, name: String)] {
        var index: [ObjectIdentifier: (module: String, name: String)] = [:]
        for moduleName in interpreter.loadedModules.keys.sorted() {
            guard let module = interpreter.loadedModules[moduleName] else { continue }
            for (name, value) in module.attributes {
                let object: AnyObject?
                switch value {
                case .builtin(let b): object = b
                case .host(let h): object = h
                default: object = nil
                }
                if let object, index[ObjectIdentifier(object)] == nil {
                    index[ObjectIdentifier(object)] = (moduleName, name)
                }
            }
        }
        return index
    }
}
