/// `list` methods (and `tuple.count`/`tuple.index`).
enum ListMethods {
    static func call(_ l: PyList, _ name: String, _ args: Arguments, _ interp: Interpreter,
                     typeName: String = "list") throws -> Value {
        let qualified = typeName + "." + name
        switch name {
        case "append":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            if l.items.count == l.items.capacity {
                // The list is about to double: that is the allocation to report.
                try MemoryLimit.check(count: max(l.items.capacity, 16), stride: MemoryLayout<Value>.stride)
            }
            l.items.append(a[0])
        case "extend":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            let added = try interp.toArray(a[0])
            try MemoryLimit.check(count: added.count, stride: MemoryLayout<Value>.stride)
            l.items.append(contentsOf: added)
        case "insert":
            let a = try Methods.positional(args, qualified, min: 2, max: 2)
            guard var i = a[0].asInt else {
                throw PyException(.typeError, "'\(a[0].typeName)' object cannot be interpreted as an integer")
            }
            let n = l.items.count
            if i < 0 { i = max(0, i + n) }
            l.items.insert(a[1], at: min(i, n))
        case "pop":
            let a = try Methods.positional(args, qualified, min: 0, max: 1)
            let index = a.first ?? .int(-1)
            guard index.asInt != nil, !index.isFloat else {
                throw PyException(.typeError, "'\(index.typeName)' object cannot be interpreted as an integer")
            }
            if l.items.isEmpty { throw PyException(.indexError, "pop from empty list") }
            guard let i = try interp.normalizedIndex(index, count: l.items.count, typeName: "list") else {
                throw PyException(.indexError, "pop index out of range")
            }
            return l.items.remove(at: i)
        case "remove":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            for (i, item) in l.items.enumerated() where try interp.equals(item, a[0]) {
                l.items.remove(at: i)
                return .none
            }
            throw PyException(.valueError, "list.remove(x): x not in list")
        case "index":
            let a = try Methods.positional(args, qualified, min: 1, max: 3)
            let (start, end) = try StrMethods.range(a, from: 1, count: l.items.count, allowNone: false)
            if start < end {
                for i in start..<end where try interp.equals(l.items[i], a[0]) { return .int(i) }
            }
            if typeName == "tuple" { throw PyException(.valueError, "tuple.index(x): x not in tuple") }
            throw PyException(.valueError, "\(a[0].repr) is not in list")
        case "count":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            var n = 0
            for item in l.items where try interp.equals(item, a[0]) { n += 1 }
            return .int(n)
        case "sort":
            if !args.positional.isEmpty {
                throw PyException(.typeError, "sort() takes no positional arguments")
            }
            let bound = try args.bind("sort", [HostParameter("key", default: .none, keywordOnly: true),
                                               HostParameter("reverse", default: .bool(false), keywordOnly: true)])
            l.items = try ListSort.sorted(l.items, key: bound["key"], reverse: try interp.truthy(bound["reverse"]), interp)
        case "reverse":
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            l.items.reverse()
        case "copy":
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            return .list(PyList(l.items))
        case "clear":
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            l.items.removeAll()
        default:
            throw PyException(.attributeError, "'\(typeName)' object has no attribute '\(name)'")
        }
        return .none
    }
}
