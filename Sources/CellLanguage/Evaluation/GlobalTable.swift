/// The session's global variables, by index: names are interned when a cell is parsed, so
/// running code reads and writes `values[i]` without hashing strings.
final class GlobalTable {
    private(set) var indexByName: [String: Int] = [:]
    private(set) var names: [String] = []
    /// The global's value, nil while unbound.
    let values = ChunkedSlots()
    /// The builtin of the same name, if any, used when the global is unbound.
    let builtins = ChunkedSlots()
    private let builtinLookup: (String) -> Value?

    init(builtins: @escaping (String) -> Value?) {
        builtinLookup = builtins
    }

    /// The index of `name`, interning it on first use.
    func index(of name: String) -> Int {
        if let i = indexByName[name] { return i }
        let i = names.count
        indexByName[name] = i
        names.append(name)
        values.ensure(i)
        builtins.ensure(i)
        builtins[i] = builtinLookup(name)
        return i
    }

    subscript(name: String) -> Value? {
        get { indexByName[name].flatMap { values[$0] } }
        set { values[index(of: name)] = newValue }
    }

    // MARK: Watched names (the notebook's parameters)

    /// Indices below this may be watched: one comparison on the hot paths when nothing is.
    @exclusivity(unchecked) private(set) var watchLimit = 0
    @exclusivity(unchecked) private var watched: [Bool] = []
    /// Watched globals read, assigned or deleted since the last `takeTouched()`.
    @exclusivity(unchecked) private var touched: [Bool] = []

    /// Starts noting every read, assignment and deletion of `names` by running code.
    ///
    /// Running code reaches a global only through `Interpreter.load`, `store` and `unbind`
    /// (names are resolved when a cell is parsed), which call `noteAccess`. The language has
    /// no `globals()`, `vars()`, `eval` or `exec`; a builtin added later that reaches the
    /// globals by name must mark every watched name touched, or parameter-aware cache keys
    /// would miss a read.
    func watch(_ names: [String]) {
        for name in names {
            let i = index(of: name)
            if i >= watched.count {
                watched += Array(repeating: false, count: i + 1 - watched.count)
                touched += Array(repeating: false, count: i + 1 - touched.count)
            }
            watched[i] = true
        }
        watchLimit = watched.count
    }

    /// Called for global `i` when `i < watchLimit`.
    @inline(never)
    func noteAccess(_ i: Int) {
        if watched[i] { touched[i] = true }
    }

    /// The watched names touched since the last call, and forgets them.
    func takeTouched() -> Set<String> {
        var names = Set<String>()
        for i in touched.indices where touched[i] {
            names.insert(self.names[i])
            touched[i] = false
        }
        return names
    }

    /// Bound globals in the order they were first seen.
    var bound: [(name: String, value: Value)] {
        names.enumerated().compactMap { i, name in values[i].map { (name, $0) } }
    }
}
