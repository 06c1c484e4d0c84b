/// The arguments of a call: positional values and keyword pairs in call order.
///
///     let a = try arguments.bind("Dense", ["units", .init("activation", default: .none)])
///     let units = try a["units"].integer()
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The keyword argument `name`, if given.
    public func keyword(_ name: String) -> Value? {
        keywords.last { $0.name == name }?.value
    }

    /// Binds the arguments to `parameters` as Python binds a `def`'s, raising CPython's
    /// TypeErrors: `f() missing 1 required positional argument: 'x'`,
    /// `f() got an unexpected keyword argument 'y'`, `f() takes 2 positional arguments but 3 were given`.
    /// With `extraPositional`/`extraKeywords` the surplus is kept (as `*args`/`**kwargs`).
    public func bind(_ function: String, _ parameters: [HostParameter],
                     extraPositional: Bool = false, extraKeywords: Bool = false) throws -> BoundArguments {
        var values: [Value?] = Array(repeating: nil, count: parameters.count)
        let positionalParameters = parameters.indices.filter { !parameters[$0].keywordOnly }
        var bound = BoundArguments(names: parameters.map(\.name), values: [])
        for (i, v) in positional.enumerated() {
            if i < positionalParameters.count {
                values[positionalParameters[i]] = v
            } else if extraPositional {
                bound.extraPositional.append(v)
            } else {
                let required = positionalParameters.filter { parameters[$0].defaultValue == nil }.count
                throw ArgumentErrors.tooManyPositional(function, required: required,
                                                       total: positionalParameters.count,
                                                       given: positional.count)
            }
        }
        for (name, v) in keywords {
            if let i = parameters.firstIndex(where: { $0.name == name }) {
                if values[i] != nil {
                    throw PyException(.typeError, "\(function)() got multiple values for argument '\(name)'")
                }
                values[i] = v
            } else if extraKeywords {
                bound.extraKeywords.append((name, v))
            } else {
                throw PyException(.typeError, "\(function)() got an unexpected keyword argument '\(name)'")
            }
        }
        var missing: [String] = []
        var missingKeywordOnly: [String] = []
        for (i, p) in parameters.enumerated() where values[i] == nil {
            if let d = p.defaultValue { values[i] = d }
            else if p.keywordOnly { missingKeywordOnly.append(p.name) }
            else { missing.append(p.name) }
        }
        if !missing.isEmpty { throw ArgumentErrors.missing(function, missing, kind: "positional") }
        if !missingKeywordOnly.isEmpty { throw ArgumentErrors.missing(function, missingKeywordOnly, kind: "keyword-only") }
        bound.values = values.map { $0 ?? .none }
        return bound
    }

    /// Checks that there are exactly `count` positional arguments and no keywords, with
    /// CPython's builtin wording: `len() takes exactly one argument (2 given)`.
    public func expectExactly(_ count: Int, _ function: String) throws {
        if !keywords.isEmpty {
            throw PyException(.typeError, "\(function)() takes no keyword arguments")
        }
        if positional.count != count {
            // CPython words one-argument and no-argument functions apart (METH_O, METH_NOARGS).
            if count >= 2 { throw PyException(.typeError, "\(function) expected \(count) arguments, got \(positional.count)") }
            let what = count == 1 ? "exactly one argument" : "no arguments"
            throw PyException(.typeError, "\(function)() takes \(what) (\(positional.count) given)")
        }
    }
}

/// A parameter of a Swift-implemented function, for `Arguments.bind`. A string literal is
/// a required parameter.
public struct HostParameter: ExpressibleByStringLiteral {
    public var name: String
    /// nil: required.
    public var defaultValue: Value?
    public var keywordOnly: Bool

    /// A required parameter.
    public init(_ name: String, keywordOnly: Bool = false) {
        self.name = name
        self.defaultValue = nil
        self.keywordOnly = keywordOnly
    }

    /// An optional parameter (`default: .none` is Python's `None`).
    public init(_ name: String, default defaultValue: Value, keywordOnly: Bool = false) {
        self.name = name
        self.defaultValue = defaultValue
        self.keywordOnly = keywordOnly
    }
    public init(stringLiteral name: String) {
        self.init(name)
    }
}

/// Arguments after binding: each parameter's value (the default where not given).
public struct BoundArguments {
    public let names: [String]
    public var values: [Value]
    public var extraPositional: [Value] = []
    public var extraKeywords: [(name: String, value: Value)] = []

    init(names: [String], values: [Value]) {
        self.names = names
        self.values = values
    }

    /// The value bound to `name` (`.none` for an unknown name).
    public subscript(name: String) -> Value {
        guard let i = names.firstIndex(of: name), i < values.count else { return .none }
        return values[i]
    }
}

/// CPython's wording of argument-binding errors, shared by cell functions and host code.
enum ArgumentErrors {
    static func missing(_ function: String, _ names: [String], kind: String) -> PyException {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
        }
        let noun = names.count == 1 ? "argument" : "arguments"
        return PyException(.typeError, "\(function)() missing \(names.count) required \(kind) \(noun): \(list)")
    }

    /// `keywordOnlyGiven`: keyword-only parameters the call did pass, which CPython mentions.
    static func tooManyPositional(_ function: String, required: Int, total: Int, given: Int,
                                  keywordOnlyGiven: Int = 0) -> PyException {
        let takes = required == total ? "\(total)" : "from \(required) to \(total)"
        let noun = (required == total && total == 1) ? "argument" : "arguments"
        let verb = given == 1 && keywordOnlyGiven == 0 ? "was" : "were"
        var count = "\(given)"
        if keywordOnlyGiven > 0 {
            count += " positional argument\(given == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only argument\(keywordOnlyGiven == 1 ? "" : "s"))"
        }
        return PyException(.typeError, "\(function)() takes \(takes) positional \(noun) but \(count) \(verb) given")
    }
}
