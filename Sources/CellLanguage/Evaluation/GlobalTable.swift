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
    /// Per index below `watchLimit`: `unwatched`, `watched`, or `touched` (read, assigned or
    /// deleted since the last `takeTouched()`). Behind a pointer, so noting an access costs a
    /// load and a compare, with no exclusivity or copy-on-write checks.
    @exclusivity(unchecked) private var watchStates = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    private static let unwatched: UInt8 = 0, watched: UInt8 = 1, touched: UInt8 = 2

    deinit { watchStates.deallocate() }

    /// Starts noting every read, assignment and deletion of `names` by running code.
    ///
    /// Running code reaches a global only through `Interpreter.load`, `store` and `unbind`
    /// (names are resolved when a cell is parsed), which call `noteAccess`. The language has
    /// no `globals()`, `vars()`, `eval` or `exec`; a builtin added later that reaches the
    /// globals by name must mark every watched name touched, or parameter-aware cache keys
    /// would miss a read.
    func watch(_ names: [String]) {
        let indices = names.map { index(of: $0) }
        let limit = max(watchLimit, (indices.max() ?? -1) + 1)
        let states = UnsafeMutablePointer<UInt8>.allocate(capacity: max(limit, 1))
        states.initialize(repeating: Self.unwatched, count: max(limit, 1))
        states.update(from: watchStates, count: watchLimit)
        for i in indices where states[i] == Self.unwatched { states[i] = Self.watched }
        watchStates.deallocate()
        watchStates = states
        watchLimit = limit
    }

    /// Called for global `i` when `i < watchLimit`.
    @inline(__always)
    func noteAccess(_ i: Int) {
        if watchStates[i] == Self.watched { watchStates[i] = Self.touched }
    }

    /// The watched names touched since the last call, and forgets them.
    func takeTouched() -> Set<String> {
        var names = Set<String>()
        for i in 0..<watchLimit where watchStates[i] == Self.touched {
            names.insert(self.names[i])
            watchStates[i] = Self.watched
        }
        return names
    }

    /// Bound globals in the order they were first seen.
    var bound: [(name: String, value: Value)] {
        names.enumerated().compactMap { i, name in values[i].map { (name, $0) } }
    }
}
