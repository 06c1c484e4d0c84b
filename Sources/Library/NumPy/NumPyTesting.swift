import CellLanguage
import Foundation

/// `numpy.testing`: `assert_allclose`, `assert_array_equal`, `assert_equal`, raising
/// AssertionError with NumPy's report:
///
///     np.testing.assert_allclose([1, 2, 3.1], [1, 2, 3])
///     # AssertionError:
///     # Not equal to tolerance rtol=1e-07, atol=0
///     #
///     # Mismatched elements: 1 / 3 (33.3%)
///     # Mismatch at index:
///     #  [2]: 3.1 (ACTUAL), 3 (DESIRED)
///     # ...
///
/// The arrays at the end of the report print with NumPy's default 8 digits (NumPy uses 6).
enum NumPyTesting {
    static func make() -> Module {
        let m = Module("numpy.testing")
        m.define("assert_allclose") { args, _ in
            let b = try args.bind("assert_allclose", [
                "actual", "desired", HostParameter("rtol", default: .float(1e-7)), HostParameter("atol", default: .int(0)),
                HostParameter("equal_nan", default: .bool(true)), HostParameter("err_msg", default: .str("")),
                HostParameter("verbose", default: .bool(true)), HostParameter("strict", default: .bool(false)),
            ])
            let rtol = b["rtol"].asDouble ?? 1e-7, atol = b["atol"].asDouble ?? 0
            try compare(b, header: "Not equal to tolerance rtol=\(general(rtol)), atol=\(general(atol))",
                        equalNaN: b["equal_nan"].isTruthy) { x, y in
                try NumPyFunctions.isclose(x, y, rtol: rtol, atol: atol, equalNaN: b["equal_nan"].isTruthy)
            }
            return .none
        }
        for name in ["assert_array_equal", "assert_equal"] {
            m.define(name) { args, _ in
                let b = try args.bind(name, ["actual", "desired", HostParameter("err_msg", default: .str("")),
                                             HostParameter("verbose", default: .bool(true)),
                                             HostParameter("strict", default: .bool(false))])
                try compare(b, header: name == "assert_equal" ? "Items are not equal:" : "Arrays are not equal",
                            equalNaN: true) { x, y in try Arithmetic.compare(.equal, x, y) }
                return .none
            }
        }
        return m
    }

    /// NumPy's `assert_array_compare`: shapes must agree (or one side be a scalar), NaNs must
    /// sit at the same places, and `close` must hold everywhere else.
    private static func compare(_ b: BoundArguments, header: String, equalNaN: Bool,
                                _ close: (NDArray, NDArray) throws -> NDArray) throws {
        let x = try NumPyArguments.array(b["actual"]), y = try NumPyArguments.array(b["desired"])
        let note: String
        if case .str(let text) = b["err_msg"] { note = text } else { note = b["err_msg"].repr }
        func fail(_ remark: String) -> PyException {
            // Every remark starts on a new line, so NumPy's build_err_msg puts err_msg and the
            // remark on the lines after the header.
            var lines = ["\n" + header, note + remark]
            if b["verbose"].isTruthy {
                lines.append(" ACTUAL: " + shortened(x.repr))
                lines.append(" DESIRED: " + shortened(y.repr))
            }
            return PyException(.assertionError, lines.joined(separator: "\n"))
        }
        guard x.ndim == 0 || y.ndim == 0 || x.shape == y.shape else {
            throw fail("\n(shapes \(shapeText(x.shape)), \(shapeText(y.shape)) mismatch)")
        }
        let xs = x.storage.asFloat64(), ys = y.storage.asFloat64()
        let size = max(x.size, y.size)
        func at(_ values: [Double], _ i: Int) -> Double { values.count == 1 ? values[0] : values[i] }
        var flagged = [Bool](repeating: false, count: size)
        if equalNaN {
            for i in 0..<size where at(xs, i).isNaN != at(ys, i).isNaN { throw fail("\nnan location mismatch:") }
            for i in 0..<size where at(xs, i).isNaN { flagged[i] = true }
        }
        for i in 0..<size where at(xs, i).isInfinite || at(ys, i).isInfinite {
            guard at(xs, i) == at(ys, i) else {
                throw fail(at(xs, i).isInfinite == at(ys, i).isInfinite ? "\ninf values mismatch:" : "\ninf location mismatch:")
            }
            flagged[i] = true
        }
        let ok = try close(x, y).storage.asBool()
        let bad = (0..<size).filter { !flagged[$0] && !(ok.count == 1 ? ok[0] : ok[$0]) }
        guard !bad.isEmpty else { return }
        let compared = flagged.filter { !$0 }.count
        let percent = 100 * Double(bad.count) / Double(x.ndim == 0 && y.ndim == 0 ? compared : size)
        var remarks = ["Mismatched elements: \(bad.count) / \(x.ndim == 0 && y.ndim == 0 ? compared : size) "
                       + "(\(significant(percent, 3))%)"]
        let shape = x.ndim >= y.ndim ? x.shape : y.shape
        if !shape.isEmpty {
            let listed = bad.prefix(5).map { i in
                " \(position(i, shape)): \(elementText(x, i)) (ACTUAL), \(elementText(y, i)) (DESIRED)"
            }
            let title = bad.count == 1 ? "Mismatch at index:" : bad.count <= 5 ? "Mismatch at indices:"
                : "First 5 mismatches are at indices:"
            remarks.append(title + "\n" + listed.joined(separator: "\n"))
        }
        let errors = bad.map { abs(at(xs, $0) - at(ys, $0)) }
        remarks.append("Max absolute difference among violations: " + scalarText(errors.max() ?? 0))
        let relative = bad.filter { at(ys, $0) != 0 }.map { abs(at(xs, $0) - at(ys, $0)) / abs(at(ys, $0)) }
        remarks.append("Max relative difference among violations: " + scalarText(relative.max() ?? .infinity))
        throw fail("\n" + remarks.joined(separator: "\n"))
    }

    /// NumPy keeps the first three lines of a long array repr and marks the cut with `...`.
    private static func shortened(_ repr: String) -> String {
        let lines = repr.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count > 4 ? lines.prefix(3).joined(separator: "\n") + "..." : repr
    }

    private static func shapeText(_ shape: [Int]) -> String { ArrayPrinter.shapeString(shape) }

    /// `[1, 2]`: a flat index as the list of its coordinates.
    private static func position(_ flat: Int, _ shape: [Int]) -> String {
        var rest = flat
        var coordinates = [Int](repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() {
            coordinates[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return "[" + coordinates.map(String.init).joined(separator: ", ") + "]"
    }

    /// One element as `str()` of the NumPy scalar prints it (`3.1`, `3`, `4.0`).
    private static func elementText(_ a: NDArray, _ i: Int) -> String {
        let element = a.size == 1 ? a.reshaped([]) : NDArray(shape: [], storage: a.storage.element(i))
        return NumPyScalar.strText(element)
    }

    /// `array2string` of a 0-d float64: up to 8 fraction digits, `1.` for whole numbers.
    private static func scalarText(_ x: Double) -> String {
        let storage = ArrayStorage.float64([x])
        return ArrayPrinter.elementFormatter(storage, shown: [0], zeroDimensional: false)(0)
            .trimmingCharacters(in: .whitespaces)
    }

    /// Python's `%g` / `:g` formatting (6 significant digits).
    static func general(_ x: Double) -> String { significant(x, 6) }

    /// Python's `format(x, '.Ng')`.
    private static func significant(_ x: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)g", x)
    }
}
