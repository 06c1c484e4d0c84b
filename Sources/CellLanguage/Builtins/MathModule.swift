import Foundation

/// The `math` module: constants and the common functions, with CPython's domain errors.
enum MathModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("math")
        m["pi"] = .float(Double.pi)
        m["e"] = .float(M_E)
        m["tau"] = .float(2 * Double.pi)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        func number(_ v: Value, _ name: String) throws -> Double {
            if case .str = v { throw PyException(.typeError, "must be real number, not str") }
            guard let d = v.asDouble else { throw PyException(.typeError, "must be real number, not \(v.typeName)") }
            return d
        }
        func unary(_ name: String, domain: @escaping (Double) -> Bool = { _ in true },
                   _ f: @escaping (Double) -> Double) {
            m.define(name) { args, _ in
                try args.expectExactly(1, name)
                let x = try number(args.positional[0], name)
                guard domain(x) else { throw PyException(.valueError, "math domain error") }
                let r = f(x)
                if r.isInfinite && x.isFinite { throw PyException(.overflowError, "math range error") }
                return .float(r)
            }
        }
        unary("sqrt", domain: { $0 >= 0 || $0.isNaN }, Foundation.sqrt)
        unary("exp", Foundation.exp)
        unary("log10", domain: { $0 > 0 || $0.isNaN }, Foundation.log10)
        unary("log2", domain: { $0 > 0 || $0.isNaN }, Foundation.log2)
        unary("sin", Foundation.sin)
        unary("cos", Foundation.cos)
        unary("tan", Foundation.tan)
        unary("asin", domain: { abs($0) <= 1 }, Foundation.asin)
        unary("acos", domain: { abs($0) <= 1 }, Foundation.acos)
        unary("atan", Foundation.atan)
        unary("sinh", Foundation.sinh)
        unary("cosh", Foundation.cosh)
        unary("tanh", Foundation.tanh)
        unary("fabs", Swift.abs)
        unary("degrees") { $0 * 180 / Double.pi }
        unary("radians") { $0 * Double.pi / 180 }
        m.define("log") { args, _ in
            guard (1...2).contains(args.positional.count) else {
                throw PyException(.typeError, "log expected 1 or 2 arguments, got \(args.positional.count)")
            }
            let x = try number(args.positional[0], "log")
            guard x > 0 || x.isNaN else { throw PyException(.valueError, "math domain error") }
            if args.positional.count == 2 {
                let base = try number(args.positional[1], "log")
                guard base > 0 else { throw PyException(.valueError, "math domain error") }
                let d = Foundation.log(base)
                if d == 0 { throw PyException(.zeroDivisionError, "float division by zero") }
                return .float(Foundation.log(x) / d)
            }
            return .float(Foundation.log(x))
        }
        for (name, rounding) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            m.define(name) { args, _ in
                try args.expectExactly(1, name)
                let v = args.positional[0]
                if let i = v.asInt, !v.isFloat { return .int(i) }
                let d = try number(v, name)
                if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
                if d.isInfinite { throw PyException(.overflowError, "cannot convert float infinity to integer") }
                let r = d.rounded(rounding)
                guard abs(r) < 9.2e18 else { throw Arithmetic.overflow() }
                return .int(Int(r))
            }
        }
        for (name, test) in [("isnan", { (d: Double) in d.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })] {
            m.define(name) { args, _ in
                try args.expectExactly(1, name)
                return .bool(test(try number(args.positional[0], name)))
            }
        }
        m.define("pow") { args, _ in
            try args.expectExactly(2, "pow")
            let x = try number(args.positional[0], "pow"), y = try number(args.positional[1], "pow")
            if x == 0 && y < 0 { throw PyException(.valueError, "math domain error") }
            if x < 0 && y != y.rounded() { throw PyException(.valueError, "math domain error") }
            return .float(Foundation.pow(x, y))
        }
        m.define("atan2") { args, _ in
            try args.expectExactly(2, "atan2")
            return .float(Foundation.atan2(try number(args.positional[0], "atan2"), try number(args.positional[1], "atan2")))
        }
        m.define("hypot") { args, _ in
            .float(Foundation.sqrt(try args.positional.reduce(0.0) { let d = try number($1, "hypot"); return $0 + d * d }))
        }
        m.define("isclose") { args, _ in
            let b = try args.bind("isclose", ["a", "b", HostParameter("rel_tol", default: .float(1e-9), keywordOnly: true),
                                              HostParameter("abs_tol", default: .float(0), keywordOnly: true)])
            let a = try number(b["a"], "isclose"), c = try number(b["b"], "isclose")
            if a == c { return .bool(true) }
            if a.isInfinite || c.isInfinite { return .bool(false) }
            let diff = Swift.abs(a - c)
            let rel = try number(b["rel_tol"], "isclose"), absTol = try number(b["abs_tol"], "isclose")
            return .bool(diff <= Swift.abs(rel * c) || diff <= Swift.abs(rel * a) || diff <= absTol)
        }
        m.define("factorial") { args, _ in
            try args.expectExactly(1, "factorial")
            guard let n = args.positional[0].asInt, !args.positional[0].isFloat else {
                throw PyException(.typeError, "'\(args.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            if n < 0 { throw PyException(.valueError, "factorial() not defined for negative values") }
            var r = 1
            if n > 1 { for i in 2...n { r = try Arithmetic.integer(.multiply, r, i).asInt ?? 0 } }
            return .int(r)
        }
        m.define("gcd") { args, _ in
            var g = 0
            for v in args.positional {
                var a = Swift.abs(v.asInt ?? 0), b = g
                while b != 0 { (a, b) = (b, a % b) }
                g = a
            }
            return .int(g)
        }
        m.define("fsum") { args, interp in
            try args.expectExactly(1, "fsum")
            // Neumaier summation; exact for the sums notebooks take.
            var sum = 0.0, c = 0.0
            for v in try interp.toArray(args.positional[0]) {
                let x = try number(v, "fsum")
                let t = sum + x
                c += Swift.abs(sum) >= Swift.abs(x) ? (sum - t) + x : (x - t) + sum
                sum = t
            }
            return .float(sum + c)
        }
        m.define("prod") { args, interp in
            var p: Value = .int(1)
            for v in try interp.toArray(args.positional.first ?? .list(PyList())) { p = try interp.binary(.multiply, p, v) }
            return p
        }
        return m
    }
}
