import CellLanguage
import Charts

/// `text` and `annotate` on an axes (and `plt.text`, `plt.annotate`), with matplotlib's
/// keywords: `fontsize`/`size`, `color`/`c`, `ha`/`horizontalalignment`,
/// `va`/`verticalalignment`, `rotation`, `transform=ax.transAxes`; `annotate` adds `xytext`,
/// `textcoords` ('data', 'offset points', 'axes fraction') and `arrowprops`.
///
///     ax.text(0.5, 0.9, 'acc 0.97', transform=ax.transAxes, ha='center')   # Text(0.5, 0.9, 'acc 0.97')
///     ax.annotate('best', xy=(3, 0.2), xytext=(5, 0.5), arrowprops=dict(arrowstyle='->'))
enum AxesText {
    /// Keywords accepted that change nothing Labbook draws.
    private static let ignored: Set<String> = ["fontdict", "fontweight", "weight", "family", "fontfamily", "style",
                                               "fontstyle", "bbox", "zorder", "clip_on", "wrap", "alpha", "xycoords",
                                               "annotation_clip", "multialignment", "linespacing"]

    static func text(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("text", ["x", "y", "s", .init("fontdict", default: .none)], extraKeywords: true)
        let x = try PlotData.number(bound["x"], "x"), y = try PlotData.number(bound["y"], "y")
        var label = TextLabel(text: PlotData.text(bound["s"]), x: x, y: y)
        try style(&label, bound.extraKeywords)
        try ax.modify { $0.text(label) }
        return PlotHandle.text(x: PlotHandle.number(x), y: PlotHandle.number(y), label.text)
    }

    static func annotate(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("annotate", ["text", "xy", .init("xytext", default: .none),
                                                    .init("xycoords", default: .str("data")),
                                                    .init("textcoords", default: .none),
                                                    .init("arrowprops", default: .none)], extraKeywords: true)
        let xy = try point(bound["xy"], "xy", interpreter)
        var label = TextLabel(text: PlotData.text(bound["text"]), x: xy.0, y: xy.1)
        if case .str(let coordinates) = bound["xycoords"], coordinates != "data" {
            throw PyException(.notImplementedError, "Labbook's annotate places xy in data coordinates only")
        }
        if !bound["xytext"].isNone {
            let xytext = try point(bound["xytext"], "xytext", interpreter)
            switch bound["textcoords"] {
            case .none, .str("data"): (label.x, label.y) = xytext
            case .str("offset points"): label.offsetPoints = xytext
            case .str("offset pixels"): label.offsetPoints = (xytext.0 * 0.72, xytext.1 * 0.72)
            case .str("axes fraction"): (label.x, label.y) = xytext; label.inAxesFraction = true
            case let other:
                throw PyException(.notImplementedError, "Labbook's annotate does not take textcoords=\(other.repr)")
            }
            if !bound["arrowprops"].isNone {
                label.arrowTarget = xy
                if case .dict(let props) = bound["arrowprops"] {
                    let color = props["color"] ?? props["facecolor"] ?? props["fc"]
                    if let color, let parsed = try StyleArguments.color(color) { label.arrowColor = parsed }
                }
            }
        }
        try style(&label, bound.extraKeywords)
        try ax.modify { $0.text(label) }
        return .host(PlotHandle(typeName: "Annotation",
                                repr: "Annotation(\(PlotHandle.number(xy.0)), \(PlotHandle.number(xy.1)), \(Value.str(label.text).repr))"))
    }

    private static func point(_ value: Value, _ name: String, _ interpreter: Interpreter) throws -> (Double, Double) {
        let values = try PlotData.read(value, interpreter).values
        guard values.count == 2 else { throw PyException(.valueError, "\(name) must be a pair of numbers (x, y)") }
        return (values[0], values[1])
    }

    private static func style(_ label: inout TextLabel, _ keywords: [(name: String, value: Value)]) throws {
        for (name, value) in keywords {
            switch name {
            case "fontsize", "size":
                label.fontSize = try fontSize(value)
            case "color", "c":
                if let color = try StyleArguments.color(value) { label.color = color }
            case "ha", "horizontalalignment":
                guard case .str(let text) = value, let alignment = TextLabel.HorizontalAlignment(rawValue: text) else {
                    throw PyException(.valueError, "\(value.repr) is not a valid value for horizontalalignment; "
                        + "supported values are 'left', 'center', 'right'")
                }
                label.horizontalAlignment = alignment
            case "va", "verticalalignment":
                var text = ""
                if case .str(let given) = value { text = given == "center_baseline" ? "baseline" : given }
                guard let alignment = TextLabel.VerticalAlignment(rawValue: text) else {
                    throw PyException(.valueError, "\(value.repr) is not a valid value for verticalalignment; "
                        + "supported values are 'top', 'bottom', 'center', 'baseline', 'center_baseline'")
                }
                label.verticalAlignment = alignment
            case "rotation":
                switch value {
                case .str("horizontal"), .none: label.rotation = 0
                case .str("vertical"): label.rotation = 90
                default: label.rotation = try PlotData.number(value, "rotation")
                }
            case "transform":
                guard case .host(let handle as PlotHandle) = value, handle.typeName == "BboxTransformTo" else {
                    throw PyException(.notImplementedError, "Labbook's text takes transform=ax.transAxes only")
                }
                label.inAxesFraction = true
            default:
                guard ignored.contains(name) else {
                    throw PyException(.attributeError, "Text.set() got an unexpected keyword argument '\(name)'")
                }
            }
        }
    }

    /// Points, or matplotlib's size names relative to the default 10 pt.
    static func fontSize(_ value: Value) throws -> Double {
        let named: [String: Double] = ["xx-small": 5.79, "x-small": 6.94, "small": 8.33, "medium": 10,
                                       "large": 12, "x-large": 14.4, "xx-large": 17.28]
        if case .str(let name) = value {
            guard let size = named[name] else { throw PyException(.valueError, "'\(name)' is not a valid font size") }
            return size
        }
        return try PlotData.number(value, "fontsize")
    }

    /// `ax.transAxes`: only ever handed back to `text(..., transform=)`.
    static var axesTransform: Value {
        .host(PlotHandle(typeName: "BboxTransformTo",
                         repr: "<matplotlib.transforms.BboxTransformTo object at 0x...>"))
    }
}
