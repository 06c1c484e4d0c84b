import Foundation

/// `statistics`: `mean`, `fmean`, `median`, `median_low`/`high`, `mode`, `variance`,
/// `pvariance`, `stdev`, `pstdev`. Integer data keeps CPython's int results where it gives
/// them (`mean([1, 2, 3])` is `2`); sums of squares are exact over the rationals in
/// CPython, here in doubles with compensated summation.
enum StatisticsModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("statistics")
        func data(_ args: Arguments, _ name: String, atLeast: Int, message: String) throws -> [Value] {
            guard let first = args.positional.first else {
                throw PyException(.typeError, "\(name)() missing 1 required positional argument: 'data'")
            }
            let values = try interpreter.toArray(first)
            guard values.count >= atLeast else { throw PyException(.statisticsError, message) }
            for v in values where v.asDouble == nil || v.isStr {
                throw PyException(.typeError, "can't convert type '\(v.typeName)' to numerator/denominator")
            }
            return values
        }
        func allInts(_ values: [Value]) -> Bool { values.allSatisfy { !$0.isFloat && $0.asInt != nil } }
        func exactMean(_ values: [Value]) -> Value {
            if allInts(values) {
                let total = values.reduce(0) { $0 + ($1.asInt ?? 0) }
                if total % values.count == 0 { return .int(total / values.count) }
                return .float(Double(total) / Double(values.count))
            }
            return .float(sum(values.map { $0.asDouble ?? 0 }) / Double(values.count))
        }
        m.define("mean") { args, _ in exactMean(try data(args, "mean", atLeast: 1, message: "mean requires at least one data point")) }
        m.define("fmean") { args, _ in
            let v = try data(args, "fmean", atLeast: 1, message: "fmean requires at least one data point")
            return .float(sum(v.map { $0.asDouble ?? 0 }) / Double(v.count))
        }
        for name in ["median", "median_low", "median_high"] {
            m.define(name) { args, interp in
                let v = try data(args, name, atLeast: 1, message: "no median for empty data")
                let sorted = try v.sorted { try interp.truthy(try interp.compare(.less, $0, $1)) }
                let n = sorted.count
                if n % 2 == 1 { return sorted[n / 2] }
                switch name {
                case "median_low": return sorted[n / 2 - 1]
                case "median_high": return sorted[n / 2]
                default:
                    let pair = [sorted[n / 2 - 1], sorted[n / 2]]
                    if allInts(pair) {
                        let s = (pair[0].asInt ?? 0) + (pair[1].asInt ?? 0)
                        return s % 2 == 0 ? .float(Double(s / 2)) : .float(Double(s) / 2)
                    }
                    return .float(((pair[0].asDouble ?? 0) + (pair[1].asDouble ?? 0)) / 2)
                }
            }
        }
        m.define("mode") { args, interp in
            guard let first = args.positional.first else { throw PyException(.typeError, "mode() missing 1 required positional argument: 'data'") }
            let values = try interp.toArray(first)
            guard !values.isEmpty else { throw PyException(.statisticsError, "no mode for empty data") }
            let counts = PyDict()
            for v in values { try counts.set(v, .int((try counts.get(v)?.asInt ?? 0) + 1)) }
            let best = counts.values.compactMap(\.asInt).max() ?? 0
            return counts.keys[counts.values.firstIndex { $0.asInt == best } ?? 0]
        }
        for (name, population) in [("variance", false), ("pvariance", true), ("stdev", false), ("pstdev", true)] {
            m.define(name) { args, _ in
                let needed = population ? 1 : 2
                let message = "\(name) requires at least \(needed == 1 ? "one data point" : "two data points")"
                let v = try data(args, name, atLeast: needed, message: message)
                let xs = v.map { $0.asDouble ?? 0 }
                let mu = args.positional.count > 1 ? (args.positional[1].asDouble ?? 0) : sum(xs) / Double(xs.count)
                let squares = sum(xs.map { ($0 - mu) * ($0 - mu) }) - pow(sum(xs.map { $0 - mu }), 2) / Double(xs.count)
                let variance = squares / Double(xs.count - (population ? 0 : 1))
                if name.hasSuffix("stdev") { return .float(variance.squareRoot()) }
                // CPython converts an exact result back to the data's type: ints stay ints.
                if allInts(v), args.positional.count == 1, variance == variance.rounded(), abs(variance) < 9e15 {
                    return .int(Int(variance))
                }
                return .float(variance)
            }
        }
        m["StatisticsError"] = .type(.exception(.statisticsError))
        return m
    }

    /// Neumaier's compensated sum, close to CPython's exact fractions for notebook data.
    static func sum(_ xs: [Double]) -> Double {
        var total = 0.0, compensation = 0.0
        for x in xs {
            let t = total + x
            compensation += abs(total) >= abs(x) ? (total - t) + x : (x - t) + total
            total = t
        }
        return total + compensation
    }
}
