import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `time`: the session's clock (`HostEnvironment`: fixed per run when timings are off),
/// `sleep` that honours the cell's deadline, and C's `strftime`/`localtime`/`gmtime`.
enum TimeModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("time")
        let env = interpreter.registry.environment
        m.define("time") { args, _ in try args.expectExactly(0, "time"); return .float(env.now) }
        m.define("time_ns") { args, _ in try args.expectExactly(0, "time_ns"); return .int(Int(env.now * 1e9)) }
        for name in ["perf_counter", "monotonic", "process_time"] {
            m.define(name) { args, _ in try args.expectExactly(0, name); return .float(env.monotonic) }
        }
        m.define("sleep") { args, interp in
            try args.expectExactly(1, "sleep")
            guard let seconds = args.positional[0].asDouble, !args.positional[0].isStr else {
                throw PyException(.typeError, "'\(args.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            if seconds < 0 { throw PyException(.valueError, "sleep length must be non-negative") }
            if env.fixedClock != nil { env.virtualElapsed += seconds }
            var left = seconds
            while left > 0 {
                try interp.checkDeadline()
                let step = min(left, 0.05)
                Thread.sleep(forTimeInterval: step)
                left -= step
            }
            return .none
        }
        m.define("gmtime") { args, _ in .host(StructTime(try instant(args, "gmtime", env), utc: true)) }
        m.define("localtime") { args, _ in .host(StructTime(try instant(args, "localtime", env), utc: false)) }
        m.define("strftime") { args, interp in
            guard (1...2).contains(args.positional.count), case .str(let format) = args.positional[0] else {
                throw PyException(.typeError, "strftime() argument 1 must be str")
            }
            let t: StructTime
            if args.positional.count == 2 {
                guard case .host(let h) = args.positional[1], let s = h as? StructTime else {
                    throw PyException(.typeError, "Tuple or struct_time argument required")
                }
                t = s
            } else {
                t = StructTime(env.now, utc: false)
            }
            return .str(t.format(format))
        }
        m.define("asctime") { args, _ in .str(StructTime(env.now, utc: false).format("%a %b %e %H:%M:%S %Y")) }
        m.define("ctime") { args, _ in .str(StructTime(try instant(args, "ctime", env), utc: false).format("%a %b %e %H:%M:%S %Y")) }
        return m
    }

    private static func instant(_ args: Arguments, _ name: String, _ env: HostEnvironment) throws -> Double {
        guard let first = args.positional.first, !first.isNone else { return env.now }
        guard let d = first.asDouble else {
            throw PyException(.typeError, "'\(first.typeName)' object cannot be interpreted as an integer")
        }
        return d
    }
}

extension Value {
    var isStr: Bool { if case .str = self { return true } else { return false } }
}

/// `time.struct_time`, from C's broken-down time.
final class StructTime: HostObject {
    var parts = tm()
    static let fields = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"]

    init(_ seconds: Double, utc: Bool) {
        var t = time_t(seconds.rounded(.down))
        if utc { gmtime_r(&t, &parts) } else { localtime_r(&t, &parts) }
    }

    var values: [Int] {
        [Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
         Int(parts.tm_sec), (Int(parts.tm_wday) + 6) % 7, Int(parts.tm_yday) + 1, Int(parts.tm_isdst)]
    }
    var typeName: String { "struct_time" }
    var repr: String {
        "time.struct_time(" + zip(Self.fields, values).map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
    }
    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        guard let i = Self.fields.firstIndex(of: name) else { throw attributeError(name) }
        return .int(values[i])
    }
    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        try interpreter.getItem(.tuple(values.map { .int($0) }), key)
    }
    func length() throws -> Int { 9 }
    func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        PyIterator("tuple_iterator", values: values.map { .int($0) })
    }

    /// C's `strftime` (what CPython calls) on these fields.
    func format(_ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        var t = parts
        let n = strftime(&buffer, buffer.count, format, &t)
        return n == 0 && !format.isEmpty ? "" : String(cString: buffer)
    }
}
