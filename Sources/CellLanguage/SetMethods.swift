/// `set` and `frozenset` methods.
enum SetMethods {
    static func call(_ s: PySet, _ name: String, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        func others() throws -> [PySet] {
            try args.positional.map { try PySet(try interp.toArray($0)) }
        }
        switch name {
        case "add":
            try s.add(try Methods.positional(args, name, min: 1, max: 1)[0])
        case "discard":
            try s.remove(try Methods.positional(args, name, min: 1, max: 1)[0])
        case "remove":
            let v = try Methods.positional(args, name, min: 1, max: 1)[0]
            if !(try s.remove(v)) { throw PyException(.keyError, args: [v]) }
        case "pop":
            _ = try Methods.positional(args, name, min: 0, max: 0)
            guard let first = s.items.first else { throw PyException(.keyError, "pop from an empty set") }
            try s.remove(first)
            return first
        case "union", "update":
            let result = name == "update" ? s : s.copy()
            for o in try others() { for v in o.items { try result.add(v) } }
            return name == "update" ? .none : .set(result)
        case "intersection", "intersection_update":
            var items = s.items
            for o in try others() { items = try items.filter { try o.contains($0) } }
            if name == "intersection_update" {
                s.removeAll()
                for v in items { try s.add(v) }
                return .none
            }
            let result = try PySet(items)
            result.frozen = s.frozen
            return .set(result)
        case "difference", "difference_update":
            var items = s.items
            for o in try others() { items = try items.filter { !(try o.contains($0)) } }
            if name == "difference_update" {
                s.removeAll()
                for v in items { try s.add(v) }
                return .none
            }
            let result = try PySet(items)
            result.frozen = s.frozen
            return .set(result)
        case "symmetric_difference", "symmetric_difference_update":
            let o = try PySet(try interp.toArray(try Methods.positional(args, name, min: 1, max: 1)[0]))
            guard case .set(let result) = try interp.binary(.xor, .set(s), .set(o)) else { return .none }
            if name.hasSuffix("update") {
                s.removeAll()
                for v in result.items { try s.add(v) }
                return .none
            }
            return .set(result)
        case "issubset":
            let o = try PySet(try interp.toArray(try Methods.positional(args, name, min: 1, max: 1)[0]))
            return .bool(try s.items.allSatisfy { try o.contains($0) })
        case "issuperset":
            let o = try PySet(try interp.toArray(try Methods.positional(args, name, min: 1, max: 1)[0]))
            return .bool(try o.items.allSatisfy { try s.contains($0) })
        case "isdisjoint":
            let o = try PySet(try interp.toArray(try Methods.positional(args, name, min: 1, max: 1)[0]))
            return .bool(try !s.items.contains { try o.contains($0) })
        case "copy":
            return .set(s.copy())
        case "clear":
            s.removeAll()
        default:
            throw PyException(.attributeError, "'set' object has no attribute '\(name)'")
        }
        return .none
    }
}
