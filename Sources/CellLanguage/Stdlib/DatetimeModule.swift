import Foundation

/// `datetime`: `datetime` (`now`, `today`, `utcnow`, `fromtimestamp`, fields, `strftime`,
/// `isoformat`, `timestamp`), `date` (`today`), `timedelta` (arithmetic, `total_seconds`),
/// with CPython's reprs and strs. Naive local times read the session's clock.
enum DatetimeModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("datetime")
        let env = interpreter.registry.environment
        m["datetime"] = .host(DateClass(isDate: false, env: env))
        m["date"] = .host(DateClass(isDate: true, env: env))
        m.define("timedelta") { args, _ in
            let names = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"]
            let b = try args.bind("timedelta", names.map { HostParameter($0, default: .int(0)) })
            let scale: [Double] = [86_400e6, 1e6, 1, 1e3, 60e6, 3600e6, 604_800e6]
            var micro = 0.0
            for (i, n) in names.enumerated() {
                guard let d = b[n].asDouble, !b[n].isStr else {
                    throw PyException(.typeError, "unsupported type for timedelta \(n) component: \(b[n].typeName)")
                }
                micro += d * scale[i]
            }
            return .host(TimeDelta(micro: Int(micro.rounded(.toNearestOrEven))))
        }
        m["MINYEAR"] = .int(1)
        m["MAXYEAR"] = .int(9999)
        return m
    }
}

/// `datetime.datetime` / `datetime.date` as callable classes.
final class DateClass: HostClass {
    let isDate: Bool
    let env: HostEnvironment
    init(isDate: Bool, env: HostEnvironment) { self.isDate = isDate; self.env = env }
    var qualifiedName: String { "datetime.\(isDate ? "date" : "datetime")" }

    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let names = isDate ? ["year", "month", "day"] : ["year", "month", "day", "hour", "minute", "second", "microsecond"]
        let b = try arguments.bind(isDate ? "date" : "datetime",
                                   names.enumerated().map { $0.offset < 3 ? HostParameter($0.element) : HostParameter($0.element, default: .int(0)) })
        let f = try names.map { n -> Int in
            guard let i = b[n].asInt, !b[n].isFloat else { throw PyException(.typeError, "'\(b[n].typeName)' object cannot be interpreted as an integer") }
            return i
        }
        guard (1...9999).contains(f[0]) else { throw PyException(.valueError, "year \(f[0]) is out of range") }
        guard (1...12).contains(f[1]) else { throw PyException(.valueError, "month must be in 1..12") }
        guard (1...DateValue.daysIn(f[0], f[1])).contains(f[2]) else { throw PyException(.valueError, "day is out of range for month") }
        var micro = DateValue.days(f[0], f[1], f[2]) * DateValue.microPerDay
        if !isDate {
            let limits = [23, 59, 59, 999_999], what = ["hour", "minute", "second", "microsecond"]
            for i in 0..<4 where !(0...limits[i]).contains(f[3 + i]) {
                throw PyException(.valueError, "\(what[i]) must be in 0..\(limits[i])")
            }
            micro += ((f[3] * 60 + f[4]) * 60 + f[5]) * 1_000_000 + f[6]
        }
        return .host(DateValue(micro: micro, isDate: isDate))
    }

    private func local(_ seconds: Double) -> DateValue {
        var t = time_t(seconds.rounded(.down))
        var parts = tm()
        localtime_r(&t, &parts)
        let offset = Int(parts.tm_gmtoff)
        let micro = Int((seconds * 1e6).rounded(.down)) + offset * 1_000_000 + DateValue.epoch * DateValue.microPerDay
        return DateValue(micro: isDate ? micro - micro % DateValue.microPerDay : micro, isDate: isDate)
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "now", "today":
            return .builtin(BuiltinFunction(name) { [self] _, _ in .host(local(env.now)) })
        case "utcnow" where !isDate:
            return .builtin(BuiltinFunction(name) { [self] _, _ in
                .host(DateValue(micro: Int((env.now * 1e6).rounded(.down)) + DateValue.epoch * DateValue.microPerDay, isDate: false))
            })
        case "fromtimestamp":
            return .builtin(BuiltinFunction(name) { [self] args, _ in
                guard let s = args.positional.first?.asDouble else { throw PyException(.typeError, "fromtimestamp() missing required argument 'timestamp' (pos 1)") }
                return .host(local(s))
            })
        case "__name__": return .str(isDate ? "date" : "datetime")
        default: throw attributeError(name)
        }
    }
}
