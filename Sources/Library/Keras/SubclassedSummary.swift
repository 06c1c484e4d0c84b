import CellLanguage
import CellOutput
import NeuralEngine

extension SubclassedModel {
    /// `summary()` of a model built from its `call`: Keras lists the layers the model holds
    /// as attributes (not the graph's input) in the Sequential layout, each with the output
    /// shape `multiple`, since it does not follow a subclassed model's `call`.
    func summary(_ receiver: Value, _ arguments: Arguments, _ interpreter: Interpreter) throws {
        let a = try arguments.bind("summary", [.init("line_length", default: .none), .init("positions", default: .none),
                                               .init("print_fn", default: .none)])
        let model = try built()
        let rows = SubclassedModel.trackedLayers(receiver).map { value -> ModelSummary.Row in
            let (name, className, parameters) = Self.describe(value)
            return ModelSummary.Row(named: name, className: className, multipleShapes: parameters)
        }
        let total = model.graph.parameterCount
        let summary = ModelSummary(named: name, rows: rows, total: total,
                                   trainable: total - model.graph.nonTrainableParameterCount)
        let text = KerasText.summary(summary, lineLength: try Convert.optionalInt(a["line_length"], "line_length") ?? 65)
        if !a["print_fn"].isNone {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                _ = try interpreter.call(a["print_fn"], .str(String(line)))
            }
            return
        }
        interpreter.emit(.table(SummaryTable.table(summary, text: text)))
    }

    /// A tracked layer's name, class and parameter count.
    private static func describe(_ value: Value) -> (String, String, Int) {
        switch value {
        case .host(let o as LayerObject): return (o.layer.name, o.layer.className, o.layer.isBuilt ? o.layer.parameterCount : 0)
        case .host(let o as MergeObject): return (o.merge.name, o.merge.kind.className, 0)
        case .host(let o as ModelObject): return (o.graph.name, o.className, o.graph.parameterCount)
        case .host(let o as SequentialObject):
            return (o.model.name, "Sequential", o.model.layers.reduce(0) { $0 + ($1.isBuilt ? $1.parameterCount : 0) })
        default:
            guard case .host(let core as SubclassedModel)? = PyClass.instanceAttribute(value, attribute) else {
                return ("?", value.typeName, 0)
            }
            return (core.name, PyClass.of(value)?.name ?? "Model", core.traced?.graph.parameterCount ?? 0)
        }
    }
}
