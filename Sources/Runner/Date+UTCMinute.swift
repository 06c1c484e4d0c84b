import Foundation

extension Date {
    /// `2026-11-29 10:55 UTC`: minutes are enough to place a run (report headers, `cache info`).
    var utcMinute: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: self)
    }
}
