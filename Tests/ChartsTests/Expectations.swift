import Foundation

/// Values computed by NumPy and matplotlib (Fixtures/make_expectations.py, matplotlib 3.11,
/// NumPy 2.x) that the tests compare against.
struct Expectations: Decodable {
    struct HistogramCase: Decodable {
        var values: [Double], bins: Int, range: [Double]?, density: Bool?
        var counts: [Double], edges: [Double]
    }
    struct TickCase: Decodable { var lower: Double, upper: Double, maxIntervals: Int, ticks: [Double] }
    struct LimitCase: Decodable { var name: String, xlim: [Double], ylim: [Double] }
    struct LabelCase: Decodable { var ticks: [Double], labels: [String] }
    struct ColorCase: Decodable { var spec: String, hex: String }
    struct FormatCase: Decodable { var format: String, linestyle: String, marker: String, color: String? }

    var histograms: [HistogramCase]
    var ticks: [TickCase]
    var limits: [LimitCase]
    var labels: [LabelCase]
    var colors: [ColorCase]
    var formats: [FormatCase]
    var lengthMismatch: String

    static func load() throws -> Expectations {
        let data = try Data(contentsOf: Golden.fixtures.appendingPathComponent("expectations.json"))
        return try JSONDecoder().decode(Expectations.self, from: data)
    }
}

func close(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
    abs(a - b) <= relative * max(1, abs(a), abs(b))
}
