import Foundation

/// A naive `datetime` or `date`: microseconds since 0001-01-01 00:00 (proleptic Gregorian).
final class DateValue: HostObject {
    static let microPerDay = 86_400_000_000
    /// Days from 0001-01-01 to 1970-01-01.
    static let epoch = 719_162
    let micro: Int
    let isDate: Bool

    init(micro: Int, isDate: Bool) {
        self.micro = micro
        self.isDate = isDate
    }

    static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }
    static func daysIn(_ y: Int, _ m: Int) -> Int { m == 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].contains(m) ? 30 : 31 }
    /// Days since 0001-01-01 of a date.
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let before = y - 1
        var n = before * 365 + before / 4 - before / 100 + before / 400
        for month in 1..<m { n += daysIn(y, month) }
        return n + d - 1
    }

    var fields: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int, weekday: Int, yearDay: Int) {
        var dayNumber = micro / Self.microPerDay
        let weekday = dayNumber % 7  // 0001-01-01 was a Monday
        var year = 1
        while true {
            let length = Self.isLeap(year) ? 366 : 365
            let span400 = 146_097
            if dayNumber >= span400 { year += 400 * (dayNumber / span400); dayNumber %= span400; continue }
            if dayNumber < length { break }
            dayNumber -= length
            year += 1
        }
        let yearDay = dayNumber + 1
        var month = 1
        while dayNumber >= Self.daysIn(year, month) { dayNumber -= Self.daysIn(year, month); month += 1 }
        let rest = micro % Self.microPerDay
        return (year, month, dayNumber + 1, rest / 3_600_000_000, rest / 60_000_000 % 60, rest / 1_000_000 % 60,
                rest % 1_000_000, weekday, yearDay)
    }

    var typeName: String { isDate ? "date" : "datetime" }
    var repr: String {
        let f = fields
        var parts = [f.year, f.month, f.day]
        if !isDate {
            parts += [f.hour, f.minute]
            if f.second != 0 || f.microsecond != 0 { parts.append(f.second) }
            if f.microsecond != 0 { parts.append(f.microsecond) }
        }
        return "datetime.\(typeName)(" + parts.map(String.init).joined(separator: ", ") + ")"
    }
    var str: String { isoformat(separator: " ") }

    func isoformat(separator: String) -> String {
        let f = fields
        var s = String(format: "%04d-%02d-%02d", f.year, f.month, f.day)
        if !isDate {
            s += separator + String(format: "%02d:%02d:%02d", f.hour, f.minute, f.second)
            if f.microsecond != 0 { s += String(format: ".%06d", f.microsecond) }
        }
        return s
    }

    func strftime(_ format: String) -> String {
        let f = fields
        var parts = tm()
        parts.tm_year = Int32(f.year - 1900)
        parts.tm_mon = Int32(f.month - 1)
        parts.tm_mday = Int32(f.day)
        parts.tm_hour = Int32(f.hour)
        parts.tm_min = Int32(f.minute)
        parts.tm_sec = Int32(f.second)
        parts.tm_wday = Int32((f.weekday + 1) % 7)
        parts.tm_yday = Int32(f.yearDay - 1)
        let expanded = format.replacingOccurrences(of: "%f", with: String(format: "%06d", f.microsecond))
        var buffer = [CChar](repeating: 0, count: 1024)
        _ = Foundation.strftime(&buffer, buffer.count, expanded, &parts)
        return String(cString: buffer)
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        let f = fields
        switch name {
        case "year": return .int(f.year)
        case "month": return .int(f.month)
        case "day": return .int(f.day)
        case "hour" where !isDate: return .int(f.hour)
        case "minute" where !isDate: return .int(f.minute)
        case "second" where !isDate: return .int(f.second)
        case "microsecond" where !isDate: return .int(f.microsecond)
        case "strftime":
            return .builtin(BuiltinFunction(name) { [self] args, _ in .str(strftime(try args.string(at: 0, "strftime"))) })
        case "isoformat":
            return .builtin(BuiltinFunction(name) { [self] args, _ in
                .str(isoformat(separator: args.positional.isEmpty ? "T" : try args.string(at: 0, "isoformat")))
            })
        case "weekday": return .builtin(BuiltinFunction(name) { _, _ in .int(f.weekday) })
        case "isoweekday": return .builtin(BuiltinFunction(name) { _, _ in .int(f.weekday + 1) })
        case "date" where !isDate:
            return .builtin(BuiltinFunction(name) { [self] _, _ in .host(DateValue(micro: micro - micro % Self.microPerDay, isDate: true)) })
        case "timestamp" where !isDate:
            return .builtin(BuiltinFunction(name) { [self] _, _ in
                var t = time_t((micro / 1_000_000) - Self.epoch * 86_400)
                var parts = tm()
                localtime_r(&t, &parts)
                return .float(Double(micro - Self.epoch * Self.microPerDay) / 1e6 - Double(parts.tm_gmtoff))
            })
        default: throw attributeError(name)
        }
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        guard case .host(let h) = other else { return nil }
        if let d = h as? TimeDelta, op == .add || (op == .subtract && !reflected) {
            let delta = isDate ? d.micro - d.micro % Self.microPerDay : d.micro
            return .host(DateValue(micro: micro + (op == .add ? delta : -delta), isDate: isDate))
        }
        if let o = h as? DateValue, op == .subtract, o.isDate == isDate {
            return .host(TimeDelta(micro: reflected ? o.micro - micro : micro - o.micro))
        }
        return nil
    }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .host(let h as DateValue) = other, h.isDate == isDate else { return nil }
        return try interpreter.compare(op, .int(micro), .int(h.micro))
    }
}

/// `datetime.timedelta`, held as microseconds.
final class TimeDelta: HostObject {
    let micro: Int
    init(micro: Int) { self.micro = micro }

    var parts: (days: Int, seconds: Int, microseconds: Int) {
        let day = DateValue.microPerDay
        let days = Int((Double(micro) / Double(day)).rounded(.down))
        let rest = micro - days * day
        return (days, rest / 1_000_000, rest % 1_000_000)
    }
    var typeName: String { "timedelta" }
    var repr: String {
        let p = parts
        var fields: [String] = []
        if p.days != 0 { fields.append("days=\(p.days)") }
        if p.seconds != 0 { fields.append("seconds=\(p.seconds)") }
        if p.microseconds != 0 { fields.append("microseconds=\(p.microseconds)") }
        return "datetime.timedelta(\(fields.isEmpty ? "0" : fields.joined(separator: ", ")))"
    }
    var str: String {
        let p = parts
        var s = String(format: "%d:%02d:%02d", p.seconds / 3600, p.seconds / 60 % 60, p.seconds % 60)
        if p.microseconds != 0 { s += String(format: ".%06d", p.microseconds) }
        if p.days != 0 { s = "\(p.days) day\(abs(p.days) == 1 ? "" : "s"), " + s }
        return s
    }
    func isTruthy() throws -> Bool { micro != 0 }
    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "days": return .int(parts.days)
        case "seconds": return .int(parts.seconds)
        case "microseconds": return .int(parts.microseconds)
        case "total_seconds": return .builtin(BuiltinFunction(name) { [self] _, _ in .float(Double(micro) / 1e6) })
        default: throw attributeError(name)
        }
    }
    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        if case .host(let h as TimeDelta) = other {
            switch op {
            case .add: return .host(TimeDelta(micro: micro + h.micro))
            case .subtract: return .host(TimeDelta(micro: reflected ? h.micro - micro : micro - h.micro))
            case .trueDivide: return .float(reflected ? Double(h.micro) / Double(micro) : Double(micro) / Double(h.micro))
            default: return nil
            }
        }
        if op == .multiply, let n = other.asDouble, !other.isStr {
            return .host(TimeDelta(micro: Int((Double(micro) * n).rounded(.toNearestOrEven))))
        }
        if op == .trueDivide, !reflected, let n = other.asDouble, n != 0 {
            return .host(TimeDelta(micro: Int((Double(micro) / n).rounded(.toNearestOrEven))))
        }
        return nil
    }
    func unaryOperation(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? {
        switch op {
        case .negate: return .host(TimeDelta(micro: -micro))
        case .plus: return .host(self)
        default: return nil
        }
    }
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .host(let h as TimeDelta) = other else { return nil }
        return try interpreter.compare(op, .int(micro), .int(h.micro))
    }
}
