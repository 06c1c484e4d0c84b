/// CPython's Mersenne Twister (MT19937 with `init_by_array` seeding), so `random.seed(0);
/// random.random()` gives CPython's numbers.
final class MersenneTwister {
    var generator = MT19937(genrand: 0)
    var gaussNext: Double?

    init(seed: Int) { self.seed(seed) }

    func seed(_ n: Int) {
        var key: [UInt32] = []
        var m = n.magnitude
        repeat {
            key.append(UInt32(truncatingIfNeeded: m))
            m >>= 32
        } while m > 0
        generator = MT19937(byArray: key)
        gaussNext = nil
    }

    func nextUInt32() -> UInt32 { generator.next32() }

    /// `random.random()`: 53 random bits.
    func random() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    func bits(_ k: Int) -> UInt64 {
        if k <= 32 { return UInt64(nextUInt32() >> (32 - UInt32(k))) }
        let low = UInt64(nextUInt32())
        let high = UInt64(nextUInt32() >> (64 - UInt32(k)))
        return low | (high << 32)
    }

    /// `_randbelow(n)`: rejection sampling on `n.bit_length()` bits.
    func below(_ n: Int) -> Int {
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = Int(bits(k))
        while r >= n { r = Int(bits(k)) }
        return r
    }

    func gauss(_ mu: Double, _ sigma: Double) -> Double {
        var z: Double
        if let g = gaussNext {
            z = g
            gaussNext = nil
        } else {
            let x2pi = random() * 2 * Double.pi
            let g2rad = (-2.0 * _log(1.0 - random())).squareRoot()
            z = _cos(x2pi) * g2rad
            gaussNext = _sin(x2pi) * g2rad
        }
        return mu + z * sigma
    }
}

import Foundation
private func _log(_ x: Double) -> Double { Foundation.log(x) }
private func _cos(_ x: Double) -> Double { Foundation.cos(x) }
private func _sin(_ x: Double) -> Double { Foundation.sin(x) }

/// The `random` module (seeded with 0 until `random.seed`, so runs are reproducible).
enum RandomModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let mt = MersenneTwister(seed: 0)
        interpreter.registry.snapshotting.register(provider: mt)
        let m = Module("random")
        func integer(_ v: Value) throws -> Int {
            guard let i = v.asInt, !v.isFloat else {
                throw PyException(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer")
            }
            return i
        }
        m.define("seed") { args, _ in
            let b = try args.bind("seed", [HostParameter("a", default: .none)])
            if case .none = b["a"] { mt.seed(0) } else { mt.seed(try integer(b["a"])) }
            return .none
        }
        m.define("random") { args, _ in
            try args.expectExactly(0, "random")
            return .float(mt.random())
        }
        m.define("uniform") { args, _ in
            let b = try args.bind("uniform", ["a", "b"])
            guard let a = b["a"].asDouble, let c = b["b"].asDouble else {
                throw PyException(.typeError, "unsupported operand type(s) for -")
            }
            return .float(a + (c - a) * mt.random())
        }
        func randrange(_ start: Int, _ stop: Int, _ step: Int) throws -> Int {
            if step == 1 {
                guard stop > start else {
                    throw PyException(.valueError, "empty range in randrange(\(start), \(stop))")
                }
                return start + mt.below(stop - start)
            }
            let r = PyRange(start: start, stop: stop, step: step)
            guard step != 0 else { throw PyException(.valueError, "zero step for randrange()") }
            guard r.count > 0 else { throw PyException(.valueError, "empty range in randrange(\(start), \(stop), \(step))") }
            return start + step * mt.below(r.count)
        }
        m.define("randint") { args, _ in
            let b = try args.bind("randint", ["a", "b"])
            return .int(try randrange(try integer(b["a"]), try integer(b["b"]) + 1, 1))
        }
        m.define("randrange") { args, _ in
            let ints = try args.positional.map(integer)
            switch ints.count {
            case 1: return .int(try randrange(0, ints[0], 1))
            case 2: return .int(try randrange(ints[0], ints[1], 1))
            case 3: return .int(try randrange(ints[0], ints[1], ints[2]))
            default: throw PyException(.typeError, "randrange expected at least 1 argument, got 0")
            }
        }
        m.define("choice") { args, interp in
            try args.expectExactly(1, "choice")
            let items = try interp.toArray(args.positional[0])
            guard !items.isEmpty else { throw PyException(.indexError, "Cannot choose from an empty sequence") }
            return items[mt.below(items.count)]
        }
        m.define("shuffle") { args, _ in
            try args.expectExactly(1, "shuffle")
            guard case .list(let l) = args.positional[0] else {
                throw PyException(.typeError, "'\(args.positional[0].typeName)' object does not support item assignment")
            }
            if l.items.count > 1 {
                for i in stride(from: l.items.count - 1, to: 0, by: -1) {
                    l.items.swapAt(i, mt.below(i + 1))
                }
            }
            return .none
        }
        m.define("gauss") { args, _ in
            let b = try args.bind("gauss", [HostParameter("mu", default: .float(0)), HostParameter("sigma", default: .float(1))])
            return .float(mt.gauss(b["mu"].asDouble ?? 0, b["sigma"].asDouble ?? 1))
        }
        return m
    }
}
