/// A scope being parsed: a cell's top level, a function (or lambda), a class body, or a
/// comprehension.
/// Names used in it are resolved to slots once the whole scope has been read, because in
/// Python an assignment anywhere in a function makes the name local everywhere in it.
final class ParserScope {
    enum Kind { case module, function, classBody, comprehension }
    let kind: Kind
    private(set) var slots: [String: Int] = [:]
    private(set) var slotNames: [String] = []
    var globalNames: Set<String> = []
    var nonlocalNames: Set<String> = []
    /// Uses of names not yet resolved, with how many scopes they are below this one.
    var pending: [(ref: NameRef, depth: Int)] = []

    init(kind: Kind) { self.kind = kind }

    /// Records that `name` is bound in this scope (assigned, a parameter, imported, ...).
    func declare(_ name: String) {
        guard kind != .module, !globalNames.contains(name), !nonlocalNames.contains(name),
              slots[name] == nil else { return }
        slots[name] = slotNames.count
        slotNames.append(name)
    }

    /// Resolves every pending use: to a slot here, to a global, or hands it to `parent`.
    func finalize(parent: ParserScope?, globals: GlobalTable) {
        for (ref, depth) in pending {
            // As in Python, a class body's names are not visible to the functions in it;
            // their frames' parent is the frame enclosing the class, so depth is unchanged.
            if kind == .classBody && depth > 0 {
                if let parent { parent.pending.append((ref, depth)) } else { ref.access = .global(globals.index(of: ref.name)) }
                continue
            }
            if kind == .module || globalNames.contains(ref.name) {
                ref.access = .global(globals.index(of: ref.name))
            } else if !nonlocalNames.contains(ref.name), let slot = slots[ref.name] {
                ref.access = depth == 0 ? .local(slot) : .free(depth: depth, slot: slot)
            } else if let parent {
                parent.pending.append((ref, depth + 1))
            } else {
                ref.access = .global(globals.index(of: ref.name))
            }
        }
        pending.removeAll()
    }
}
