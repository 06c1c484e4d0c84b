/// `set` and `frozenset` methods.
enum SetMethods {
    static func call(_ s: PySet, _ name: String, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        let qualified = (s.frozen ? "frozenset." : "set.") + name
        func others() throws -> [PySet] {
            try args.positional.map { v in
                if case .set(let o) = v { return o }
                return try PySet(try interp.toArray(v))
            }
        }
        switch name {
        case "add":
            try s.add(try Methods.positional(args, qualified, min: 1, max: 1)[0])
        case "discard":
            try s.remove(try Methods.positional(args, qualified, min: 1, max: 1)[0])
        case "remove":
            let v = try Methods.positional(args, qualified, min: 1, max: 1)[0]
            if !(try s.remove(v)) { throw PyException(.keyError, args: [v]) }
        case "pop":
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            guard let v = s.pop() else { throw PyException(.keyError, "pop from an empty set") }
            return v
        case "union":
            let result = s.copy()
            for o in try others() { result.merge(o) }
            return .set(result)
        case "update":
            for o in try others() { s.merge(o) }
        case "intersection", "intersection_update":
            var result = s.copy()
            for o in try others() { result = result.intersection(o) }
            result.frozen = s.frozen
            if name == "intersection_update" {
                s.removeAll()
                s.merge(result)
                return .none
            }
            return .set(result)
        case "difference", "difference_update":
            if name == "difference_update" {
                for o in try others() {
                    if o === s { s.removeAll() } else { for v in o.items { try s.remove(v) } }
                }
                return .none
            }
            var result = s
            for o in try others() { result = result.difference(o) }
            if result === s { result = s.copy() }
            return .set(result)
        case "symmetric_difference", "symmetric_difference_update":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            let o: PySet
            if case .set(let x) = a[0] { o = x } else { o = try PySet(try interp.toArray(a[0])) }
            if name.hasSuffix("update") {
                s.symmetricDifferenceUpdate(o)
                return .none
            }
            return .set(s.symmetricDifference(o))
        case "issubset":
            let o = try PySet(try interp.toArray(try Methods.positional(args, qualified, min: 1, max: 1)[0]))
            return .bool(try s.items.allSatisfy { try o.contains($0) })
        case "issuperset":
            let o = try PySet(try interp.toArray(try Methods.positional(args, qualified, min: 1, max: 1)[0]))
            return .bool(try o.items.allSatisfy { try s.contains($0) })
        case "isdisjoint":
            let o = try PySet(try interp.toArray(try Methods.positional(args, qualified, min: 1, max: 1)[0]))
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
