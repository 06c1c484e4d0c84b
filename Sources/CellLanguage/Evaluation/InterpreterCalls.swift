/// Calls, argument binding and attribute access.
extension Interpreter {
    /// Calls any callable value (host code uses this for callbacks such as `key=`).
    public func call(_ callee: Value, _ arguments: Arguments) throws -> Value {
        switch callee {
        case .function(let f):
            return try callFunction(f, arguments)
        case .builtin(let b):
            return try callBuiltin(b, arguments)
        case .boundMethod(let m):
            if case .function(let f) = m.function {
                var args = arguments
                args.positional.insert(m.receiver, at: 0)
                return try callFunction(f, args)
            }
            return try call(m.function, arguments)
        case .type(let t):
            return try construct(t, arguments)
        case .host(let h):
            let result = try h.call(arguments, self)
            try checkDeadlineAfterCall()
            return result
        default:
            throw PyException(.typeError, "'\(callee.typeName)' object is not callable")
        }
    }

    /// Calls with positional arguments only.
    public func call(_ callee: Value, _ positional: Value...) throws -> Value {
        try call(callee, Arguments(positional))
    }

    func callBuiltin(_ b: BuiltinFunction, _ arguments: Arguments) throws -> Value {
        do {
            let result = try b.body(arguments, self)
            try checkDeadlineAfterCall()
            return result
        } catch let e as PyException {
            throw e
        } catch {
            throw PyException(.runtimeError, String(describing: error))
        }
    }

    func callFunction(_ f: PyFunction, _ arguments: Arguments) throws -> Value {
        var frame = f.takeFrame()
        let result = try enter(f, frame, arguments)
        f.recycle(&frame)
        return result
    }

    /// Calls cell function `f` evaluating its arguments (in `frame`) straight into the new
    /// frame's slots: `positional` into the first ones (no more than `f` has positional
    /// parameters, and it has no `*args`/`**kwargs`), `keywordValues` into `keywordSlots`
    /// (from `FunctionCode.keywordSlots`, so they bind without error).
    func callFunctionDirect(_ f: PyFunction, _ positional: [Expr], _ keywordSlots: [Int], _ keywordValues: [Expr],
                            _ frame: Frame, line: Int) throws -> Value {
        var inner = f.takeFrame()
        let slots = inner.slots
        for i in positional.indices { slots[i] = try eval(positional[i], frame) }
        for j in keywordValues.indices { slots[keywordSlots[j]] = try eval(keywordValues[j], frame) }
        frame.callLine = line
        // Every parameter given (they are distinct): no defaults to fill, none missing.
        let allGiven = positional.count + keywordValues.count == f.namedCount
        let result = try enter(f, inner, nil, allGiven: allGiven)
        f.recycle(&inner)
        return result
    }

    /// Runs `f` in `frame`: the recursion and deadline checks, then binding `arguments`
    /// (nil: already in the slots, only defaults and missing ones are left unless
    /// `allGiven`), then the body.
    private func enter(_ f: PyFunction, _ frame: Frame, _ arguments: Arguments?, allGiven: Bool = false) throws -> Value {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded")
        }
        try tickDeadline()
        let caller = currentFrame
        frame.caller = caller
        currentFrame = frame
        defer { currentFrame = caller }
        if let arguments {
            try bind(arguments, to: f, frame)
        } else if !allGiven {
            try bindDefaults(f, frame)
        }
        if f.code.isGenerator {
            return .iterator(PyGenerator(function: f, frame: frame, interpreter: self).makeIterator())
        }
        if let e = f.expression {
            do {
                return try eval(e, frame)
            } catch let error as PyException {
                record(error, line: f.expressionLine, frame)
                throw error
            }
        }
        if case .returnValue(let v) = try execute(f.body, frame) { return v }
        return .none
    }

    /// Binds call arguments to a cell function's parameter slots, with CPython's errors.
    private func bind(_ arguments: Arguments, to f: PyFunction, _ frame: Frame) throws {
        let code = f.code
        let parameters = code.parameters
        let positional = arguments.positional
        if arguments.keywords.isEmpty, positional.count == parameters.count, code.hasOnlyPlainParameters {
            for i in 0..<positional.count { frame.slots[i] = positional[i] }
            return
        }
        let name = code.qualifiedName
        let layout = code.layout
        let slots = frame.slots
        let positionalCount = layout.positionalSlots.count
        for i in 0..<min(positional.count, positionalCount) { slots[layout.positionalSlots[i]] = positional[i] }
        if let varargs = layout.varargsSlot {
            slots[varargs] = .tuple(positional.count > positionalCount ? Array(positional[positionalCount...]) : [])
        }
        let kwargs: PyDict? = layout.varKeywordsSlot == nil ? nil : PyDict()
        for (key, v) in arguments.keywords {
            var matched = false
            for p in layout.named where p.name == key {
                if slots[p.slot] != nil {
                    throw PyException(.typeError, "\(name)() got multiple values for argument '\(key)'")
                }
                slots[p.slot] = v
                matched = true
                break
            }
            if matched { continue }
            if let kwargs {
                try kwargs.set(.str(key), v)
            } else {
                throw PyException(.typeError, "\(name)() got an unexpected keyword argument '\(key)'")
            }
        }
        // CPython reports keyword problems first, then surplus positionals.
        if positional.count > positionalCount && layout.varargsSlot == nil {
            let keywordOnlyGiven = layout.named.filter { $0.kind != .positional && slots[$0.slot] != nil }.count
            throw ArgumentErrors.tooManyPositional(name, required: layout.requiredPositional, total: positionalCount,
                                                   given: positional.count, keywordOnlyGiven: keywordOnlyGiven)
        }
        if let varKeywords = layout.varKeywordsSlot, let kwargs { slots[varKeywords] = .dict(kwargs) }
        try bindDefaults(f, frame)
    }

    /// Fills the unbound parameters that have defaults; raises CPython's error for the
    /// ones without.
    private func bindDefaults(_ f: PyFunction, _ frame: Frame) throws {
        let layout = f.code.layout
        let slots = frame.slots
        var defaultIndex = 0
        var missing: [String] = []
        var missingKeywordOnly: [String] = []
        for p in layout.named {
            if p.hasDefault {
                if slots[p.slot] == nil, defaultIndex < f.defaults.count {
                    slots[p.slot] = f.defaults[defaultIndex]
                }
                defaultIndex += 1
            } else if slots[p.slot] == nil {
                if p.kind == .positional { missing.append(p.name) } else { missingKeywordOnly.append(p.name) }
            }
        }
        let name = f.code.qualifiedName
        if !missing.isEmpty { throw ArgumentErrors.missing(name, missing, kind: "positional") }
        if !missingKeywordOnly.isEmpty { throw ArgumentErrors.missing(name, missingKeywordOnly, kind: "keyword-only") }
    }

    // MARK: Methods and attributes

    /// `object.name(arguments)` without materializing a bound method for builtin types.
    func callMethod(_ object: Value, _ name: String, _ arguments: Arguments) throws -> Value {
        if let result = try Methods.call(object, name, arguments, self) {
            try checkDeadlineAfterCall()
            return result
        }
        return try call(try getAttribute(object, name), arguments)
    }

    public func getAttribute(_ object: Value, _ name: String) throws -> Value {
        if case .exception(let e) = object, let instance = e.instance,
           let v = try exceptionInstanceAttribute(e, instance, name) {
            return v
        }
        switch object {
        case .module(let m):
            if let v = m[name] { return v }
            if name == "__name__" { return .str(m.name) }
            if registry.provides(m.name + "." + name) { return .module(try importModule(m.name + "." + name)) }
            let note = registry.unimplementedNote(m.name, name).map { "\n" + $0 } ?? ""
            throw PyException(.attributeError, "module '\(m.name)' has no attribute '\(name)'" + note)
        case .host(let h):
            return try h.getAttribute(name, self)
        case .exception(let e) where name == "args":
            return .tuple(e.args)
        case .exception(let e) where name == "value" && e.type == .stopIteration:
            return e.args.first ?? .none
        case .exception(let e) where name == "__cause__":
            return e.cause.map { .exception($0) } ?? .none
        case .exception(let e) where name == "__context__":
            return e.context.map { .exception($0) } ?? .none
        case .exception(let e) where name == "__suppress_context__":
            return .bool(e.suppressContext)
        case .iterator(let it):
            if let g = it.generator, let v = try generatorAttribute(object, g, name) { return v }
        case .function(let f):
            if name == "__name__" { return .str(f.code.name) }
            if name == "__qualname__" { return .str(f.code.qualifiedName) }
            if name == "__doc__" { return .none }
        case .builtin(let b) where name == "__name__":
            return .str(b.name)
        case .type(let t) where name == "__name__":
            // A host type's name may carry its module ('numpy.float64'); __name__ does not.
            return .str(String(t.name.split(separator: ".").last ?? Substring(t.name)))
        case .float(let d):
            if name == "real" { return object }
            if name == "imag" { return .float(0) }
            _ = d
        case .int, .bool:
            if name == "real" || name == "numerator" { return .int(object.asInt ?? 0) }
            if name == "imag" { return .int(0) }
            if name == "denominator" { return .int(1) }
        case .range(let r):
            if name == "start" { return .int(r.start) }
            if name == "stop" { return .int(r.stop) }
            if name == "step" { return .int(r.step) }
        case .slice(let s):
            if name == "start" { return s.start }
            if name == "stop" { return s.stop }
            if name == "step" { return s.step }
        default:
            break
        }
        if name == "__class__" { return .type(object.pythonType) }
        if Methods.exists(object, name) {
            let receiver = object
            let method = BuiltinFunction(name) { arguments, interpreter in
                try interpreter.callMethod(receiver, name, arguments)
            }
            return .boundMethod(BoundMethod(receiver: object, name: name, function: .builtin(method)))
        }
        if case .type(let t) = object {
            throw PyException(.attributeError, "type object '\(t.name)' has no attribute '\(name)'")
        }
        throw PyException(.attributeError, "'\(object.typeName)' object has no attribute '\(name)'")
    }

    public func setAttribute(_ object: Value, _ name: String, _ value: Value) throws {
        switch object {
        case .host(let h):
            try h.setAttribute(name, value, self)
        case .exception(let e):
            try setExceptionAttribute(e, name, value)
        case .module(let m):
            m[name] = value
        default:
            if Methods.exists(object, name) {
                throw PyException(.attributeError, "'\(object.typeName)' object attribute '\(name)' is read-only")
            }
            throw PyException(.attributeError, "'\(object.typeName)' object has no attribute '\(name)'")
        }
    }

    // MARK: Modules

    /// Imports (once per session) the module `name`, its parent packages first.
    public func importModule(_ name: String) throws -> Module {
        if let m = loadedModules[name] { return m }
        let parts = name.split(separator: ".")
        var parent: Module?
        if parts.count > 1 {
            parent = try importModule(parts.dropLast().joined(separator: "."))
        }
        let module: Module
        if let factory = registry.factory(for: name) {
            module = try factory(self)
        } else if registry.provides(name) {
            module = Module(name)
        } else {
            let provided = registry.providedNames.joined(separator: ", ")
            throw PyException(.moduleNotFoundError, "No module named '\(name)' (Labbook provides: \(provided))")
        }
        loadedModules[name] = module
        if let parent, let last = parts.last, parent[String(last)] == nil {
            parent[String(last)] = .module(module)
        }
        return module
    }
}
