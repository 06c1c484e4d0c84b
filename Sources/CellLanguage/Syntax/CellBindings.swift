/// The names a cell binds at its top level (assignments, `for` targets, `def`, imports,
/// in every branch), found from its syntax tree without running it. The runner uses it
/// to tell a knock-on `NameError` from a typo: "cell 5, which defines it, failed".
///
///     CellBindings.topLevelNames("model = Sequential()\nfor i in range(3): pass")   // ["model", "i"]
public enum CellBindings {
    /// The names `source` binds at its top level; empty if it does not parse.
    public static func topLevelNames(_ source: String) -> Set<String> {
        guard let neutral = try? Magics.neutralise(source),
              var parser = try? Parser(source: neutral, cellNumber: 0, globals: GlobalTable { _ in nil }),
              let program = try? parser.parseProgram() else { return [] }
        var names = Set<String>()
        collect(program.body, into: &names)
        return names
    }

    private static func collect(_ body: [Stmt], into names: inout Set<String>) {
        for statement in body {
            switch statement {
            case .assign(let targets, _, _): for t in targets { target(t, into: &names) }
            case .augmentedAssign(let t, _, _, _): target(t, into: &names)
            case .forLoop(let t, _, let inner, let orElse, _):
                target(t, into: &names)
                collect(inner + orElse, into: &names)
            case .whileLoop(_, let inner, let orElse, _): collect(inner + orElse, into: &names)
            case .ifElse(let branches, let orElse, _):
                for (_, inner) in branches { collect(inner, into: &names) }
                collect(orElse, into: &names)
            case .tryExcept(let inner, let handlers, let orElse, let finally, _):
                collect(inner + orElse + finally, into: &names)
                for h in handlers { collect(h.body, into: &names) }
            case .functionDef(_, _, let binding, _), .classDef(_, _, let binding, _): names.insert(binding.name)
            case .decorated(_, _, let name, _): names.insert(name.name)
            case .with(let items, let inner, _):
                for item in items { if let t = item.target { target(t, into: &names) } }
                collect(inner, into: &names)
            case .importModules(let imported, _), .importFrom(_, let imported, _):
                for i in imported { names.insert(i.binding.name) }
            default: break
            }
        }
    }

    private static func target(_ expression: Expr, into names: inout Set<String>) {
        switch expression {
        case .name(let ref, _): names.insert(ref.name)
        case .tuple(let items, _), .list(let items, _): for i in items { target(i, into: &names) }
        case .starred(let inner, _): target(inner, into: &names)
        default: break
        }
    }
}
