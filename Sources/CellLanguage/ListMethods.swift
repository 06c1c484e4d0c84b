/// `list` methods (and `tuple.count`/`tuple.index`).
enum ListMethods {
    static func call(_ l: PyList, _ name: String, _ args: Arguments, _ interp: Interpreter,
                     typeName: String = "list") throws -> Value {
        let qualified = typeName + "." + name
        switch name {
        case "append":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            l.items.append(a[0])
        case "extend":
            let a = try Methods.positional(args, qualified, min: 1, max: 1)
            l.items.append(contentsOf: try interp.toArray(a[0]))
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
            if l.items.isEmpty { throw PyException(.indexError, "pop from empty list") }
            let index = a.first ?? .int(-1)
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
            let (start, end) = try StrMethods.range(a, from: 1, count: l.items.count)
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
            l.items = try sorted(l.items, key: bound["key"], reverse: try interp.truthy(bound["reverse"]), interp)
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

    /// Python's stable sort using only `<`, with an optional key function.
    static func sorted(_ items: [Value], key: Value, reverse: Bool, _ interp: Interpreter) throws -> [Value] {
        let keys = key.isNone ? items : try items.map { try interp.call(key, Arguments([$0])) }
        var order = Array(items.indices)
        // Reverse sorting keeps equal elements in their original order, as CPython does.
        func less(_ i: Int, _ j: Int) throws -> Bool {
            reverse ? try interp.lessThan(keys[j], keys[i], .less) : try interp.lessThan(keys[i], keys[j], .less)
        }
        try mergeSort(&order, less)
        return order.map { items[$0] }
    }

    static func mergeSort(_ a: inout [Int], _ less: (Int, Int) throws -> Bool) throws {
        guard a.count > 1 else { return }
        var buffer = a
        var width = 1
        while width < a.count {
            var start = 0
            while start < a.count {
                let mid = min(start + width, a.count)
                let end = min(start + 2 * width, a.count)
                var i = start, j = mid, k = start
                while i < mid && j < end {
                    if try less(a[j], a[i]) { buffer[k] = a[j]; j += 1 } else { buffer[k] = a[i]; i += 1 }
                    k += 1
                }
                while i < mid { buffer[k] = a[i]; i += 1; k += 1 }
                while j < end { buffer[k] = a[j]; j += 1; k += 1 }
                start = end
            }
            swap(&a, &buffer)
            width *= 2
        }
    }
}
