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

    /// Bound globals in the order they were first seen.
    var bound: [(name: String, value: Value)] {
        names.enumerated().compactMap { i, name in values[i].map { (name, $0) } }
    }
}
