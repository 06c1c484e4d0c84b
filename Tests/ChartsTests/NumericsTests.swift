import Foundation
import Testing
@testable import Charts

/// Ticks, tick labels, automatic limits and histogram bins, against matplotlib and NumPy.
@Suite struct NumericsTests {
    let expected: Expectations
    init() throws { expected = try Expectations.load() }

    @Test func niceTicksMatchMatplotlibMaxNLocatorWithSteps125() {
        for c in expected.ticks {
            let ticks = NiceTicks(lower: c.lower, upper: c.upper, maxIntervals: c.maxIntervals).values
            #expect(ticks.count == c.ticks.count, "\(c.lower)...\(c.upper): \(ticks) vs \(c.ticks)")
            for (a, b) in zip(ticks, c.ticks) { #expect(close(a, b), "\(a) vs \(b)") }
        }
    }

    @Test func niceTicksAreExactDecimals() {
        // 3 × 0.1 would print as 0.30000000000000004; k × m / 10^e does not.
        let ticks = NiceTicks(lower: 0, upper: 1, maxIntervals: 10).values
        #expect(ticks.map { "\($0)" } == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"])
    }

    @Test func integerTicksNeverGoBelowOne() {
        #expect(NiceTicks(lower: 0.5, upper: 3.5, maxIntervals: 9, integersOnly: true).values == [1, 2, 3])
        #expect(NiceTicks(lower: 0.5, upper: 1.5, maxIntervals: 9, integersOnly: true).values == [1])
        #expect(NiceTicks(lower: -0.45, upper: 30.45, maxIntervals: 9, integersOnly: true).values
                == [0, 5, 10, 15, 20, 25, 30])
    }

    @Test func tickLabelsMatchMatplotlibScalarFormatter() {
        for c in expected.labels {
            let lo = c.ticks.min() ?? 0, hi = c.ticks.max() ?? 1
            let step = c.ticks.count > 1 ? c.ticks[1] - c.ticks[0] : 1
            let ticks = NiceTicks(lower: lo, upper: hi, maxIntervals: Int(((hi - lo) / step).rounded()))
            #expect(TickFormat.labels(for: ticks) == c.labels)
        }
    }

    @Test func tinyAndHugeTicksUseScientificNotation() {
        let tiny = NiceTicks(lower: 0, upper: 4e-5, maxIntervals: 4)
        #expect(TickFormat.labels(for: tiny) == ["0", "1e\u{2212}05", "2e\u{2212}05", "3e\u{2212}05", "4e\u{2212}05"])
        let huge = NiceTicks(lower: 0, upper: 5e6, maxIntervals: 5)
        #expect(TickFormat.labels(for: huge) == ["0", "1e+06", "2e+06", "3e+06", "4e+06", "5e+06"])
        let fine = NiceTicks(lower: 1.5e-5, upper: 3e-5, maxIntervals: 3)
        #expect(TickFormat.labels(for: fine) == ["1.5e\u{2212}05", "2.0e\u{2212}05", "2.5e\u{2212}05", "3.0e\u{2212}05"])
    }

    @Test func automaticLimitsMatchMatplotlib() throws {
        func check(_ name: String, _ draw: (inout Axes) throws -> Void) throws {
            var ax = Axes()
            try draw(&ax)
            let (x, y) = AxesLayout.limits(of: ax)
            let c = try #require(expected.limits.first { $0.name == name })
            #expect(close(x.start, c.xlim[0]) && close(x.end, c.xlim[1]), "\(name) x: \(x) vs \(c.xlim)")
            #expect(close(y.start, c.ylim[0]) && close(y.end, c.ylim[1]), "\(name) y: \(y) vs \(c.ylim)")
        }
        try check("plot 0..1") { try $0.plot(x: [0, 1], y: [0, 1]) }
        try check("plot constant 1") { try $0.plot(x: [0, 1, 2], y: [1, 1, 1]) }
        try check("plot constant 0") { try $0.plot(x: [0, 1], y: [0, 0]) }
        try check("plot with nan") { try $0.plot(x: [0, 1, 2, 3], y: [2, .nan, 5, 3]) }
        try check("bar") { try $0.bar(x: [1, 2, 3], heights: [3, 5, 2]) }
        try check("bar negative") { try $0.bar(x: [0, 1], heights: [-2, 4]) }
        try check("hist") { try $0.hist([1, 2, 2, 3, 4], bins: 3) }
        try check("imshow 3x4") { try $0.imshow([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], colormap: .gray) }
        try check("scatter") { try $0.scatter(x: [-1, 4], y: [10, 20]) }
    }

    @Test func histogramMatchesNumPy() throws {
        for c in expected.histograms {
            let range = c.range.map { ($0[0], $0[1]) }
            let h = try Histogram(values: c.values, bins: c.bins, range: range, density: c.density ?? false)
            #expect(h.edges == c.edges, "edges for \(c.values.prefix(5))...")
            if c.density == true {
                #expect(zip(h.counts, c.counts).allSatisfy { close($0, $1) }, "\(h.counts) vs \(c.counts)")
            } else {
                #expect(h.counts == c.counts, "counts for \(c.values.prefix(5))...: \(h.counts) vs \(c.counts)")
            }
        }
    }

    @Test func histogramRejectsBadArguments() {
        #expect(throws: ChartError.invalidBins(0)) { try Histogram(values: [1, 2], bins: 0) }
        #expect(throws: ChartError.invalidRange(3, 1)) { try Histogram(values: [1, 2], bins: 2, range: (3, 1)) }
        let h = try? Histogram(values: [1, .nan, 2, .infinity], bins: 1)
        #expect(h?.counts == [2])
    }

    @Test func svgNumbersHaveAtMostTwoDecimalsAndNoNegativeZero() {
        #expect(SVGNumber.format(12.3456) == "12.35")
        #expect(SVGNumber.format(3.0) == "3")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(-2.5) == "-2.5")
        #expect(SVGNumber.format(0.105) == "0.11" || SVGNumber.format(0.105) == "0.1")
        #expect(SVGNumber.format(1e20) == "10000000000000")
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(7.000001, decimals: 3) == "7")
    }
}
