import CellLanguage
import Charts

/// One axis of an axes, `ax.get_xaxis()` or `ax.yaxis` (matplotlib's `XAxis`/`YAxis`): the
/// grids of images in MNIST notebooks hide both with `set_visible(False)`.
///
///     ax.get_xaxis().set_visible(False)   # no x ticks, tick labels or label; the frame stays
///     ax.yaxis.set_ticks([0, 5, 10])      # ax.set_yticks([0, 5, 10])
final class AxisObject: HostObject {
    let axes: AxesObject
    let vertical: Bool

    init(_ axes: AxesObject, vertical: Bool) { (self.axes, self.vertical) = (axes, vertical) }

    var typeName: String { vertical ? "YAxis" : "XAxis" }
    /// IPython's display of an object without a repr of its own.
    var repr: String { "<matplotlib.axis.\(typeName) at 0x...>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        let axis = vertical ? "y" : "x"
        let method: (Arguments, Interpreter) throws -> Value
        switch name {
        case "set_visible":
            method = { arguments, interpreter in
                let visible = try interpreter.truthy(try arguments.bind("set_visible", ["b"])["b"])
                try self.axes.modify { if self.vertical { $0.showsYAxis = visible } else { $0.showsXAxis = visible } }
                return .none
            }
        case "get_visible":
            method = { _, _ in .bool(try self.axes.read { self.vertical ? $0.showsYAxis : $0.showsXAxis }) }
        case "set_ticks": method = delegate("set_\(axis)ticks")
        case "set_ticklabels": method = delegate("set_\(axis)ticklabels")
        case "set_label_text": method = delegate("set_\(axis)label")
        default: throw attributeError(name)
        }
        return .builtin(BuiltinFunction(name) { arguments, interpreter in try method(arguments, interpreter) })
    }

    /// The axes method this axis method is another name for.
    private func delegate(_ name: String) -> (Arguments, Interpreter) throws -> Value {
        { arguments, interpreter in
            guard let method = AxesMethods.table[name] else { throw self.attributeError(name) }
            return try method(self.axes, arguments, interpreter)
        }
    }
}
