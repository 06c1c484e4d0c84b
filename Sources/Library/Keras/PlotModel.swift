import CellLanguage
import CellOutput
import Charts
import Foundation
import NeuralEngine

/// `keras.utils.plot_model(model, to_file="model.png", show_shapes=False, ...)`: the model's
/// layers as boxes (`name: Class`, with `show_shapes` their input and output shapes as Keras
/// formats them) joined by arrows, top to bottom, as Keras draws them with Graphviz. Keras
/// writes a PNG and Jupyter shows it; Labbook draws an SVG (it has no Graphviz and writes no
/// PNG), shows it in the cell's output, writes it beside the requested file with the `.svg`
/// extension, and says so on a warning line, so that the difference is never silent.
enum PlotModel {
    static func function() -> Value {
        .builtin(BuiltinFunction("plot_model") { arguments, interpreter in
            let a = try arguments.bind("plot_model", [
                "model", .init("to_file", default: .str("model.png")), .init("show_shapes", default: .bool(false)),
                .init("show_dtype", default: .bool(false)), .init("show_layer_names", default: .bool(true)),
                .init("rankdir", default: .str("TB")), .init("expand_nested", default: .bool(false)),
                .init("dpi", default: .int(96)), .init("layer_range", default: .none),
                .init("show_layer_activations", default: .bool(false)), .init("show_trainable", default: .bool(false)),
            ])
            let diagram = try Self.diagram(a["model"], shapes: a["show_shapes"].isTruthy, names: a["show_layer_names"].isTruthy)
            let requested = try Convert.string(a["to_file"], "to_file")
            let svg = diagram.svg()
            let written = (requested as NSString).deletingPathExtension + ".svg"
            do {
                try Data(svg.utf8).write(to: URL(fileURLWithPath: written), options: .atomic)
            } catch {
                throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(written).repr)")
            }
            if written != requested {
                interpreter.write("WARNING:labbook:plot_model drew the model as SVG and wrote \(written) (Labbook writes "
                                  + "no PNG; Keras would have written \(requested) with Graphviz)\n")
            }
            interpreter.emit(.figure(OutputFigure(svg: svg, plainText: "<IPython.core.display.Image object>")))
            return .none
        })
    }

    /// The boxes and arrows of a functional model or a Sequential.
    static func diagram(_ value: Value, shapes: Bool, names: Bool) throws -> LayerDiagram {
        switch value {
        case .host(let model as ModelObject):
            let entries = model.network.entries
            let index = Dictionary(entries.enumerated().map { (ObjectIdentifier(entryObject($0.element)), $0.offset) },
                                   uniquingKeysWith: { first, _ in first })
            var edges: [(Int, Int)] = []
            for call in model.network.calls {
                guard let to = index[ObjectIdentifier(call.callee.object)] else { continue }
                for input in call.inputs {
                    let source: AnyObject = input.producer.map { $0.callee.object } ?? input
                    if let from = index[ObjectIdentifier(source)], !edges.contains(where: { $0 == (from, to) }) {
                        edges.append((from, to))
                    }
                }
            }
            let nodes = entries.map { entry -> [String] in
                let name = FunctionalGraph.name(entry), className = ModelObject.className(entry)
                var lines = [names ? "\(name): \(className)" : className]
                if shapes {
                    let (inputs, outputs) = Self.shapes(entry, in: model)
                    lines += ["input: \(inputs)", "output: \(outputs)"]
                }
                return lines
            }
            return LayerDiagram(nodes: nodes, edges: edges)
        case .host(let model as SequentialObject):
            var shape = model.model.inputShape
            let nodes = model.layerObjects.map { object -> [String] in
                let layer = object.layer
                var lines = [names ? "\(layer.name): \(layer.className)" : layer.className]
                if shapes {
                    let output = layer.isBuilt ? KerasText.batchShape(layer.outputShape) : "?"
                    lines += ["input: \(shape.map(KerasText.batchShape) ?? "?")", "output: \(output)"]
                }
                shape = layer.isBuilt ? layer.outputShape : nil
                return lines
            }
            return LayerDiagram(nodes: nodes, edges: nodes.indices.dropFirst().map { ($0 - 1, $0) })
        default:
            throw PyException(.typeError, "plot_model() takes a Keras model, got \(Convert.describe(value))")
        }
    }

    private static func entryObject(_ entry: FunctionalGraph.Entry) -> AnyObject {
        switch entry {
        case let .input(input): input
        case let .callee(callee): callee.object
        }
    }

    /// Keras' `input_shape` and `output_shape` texts: an InputLayer's as one-item lists, a
    /// merge's input as the list of its inputs' shapes.
    private static func shapes(_ entry: FunctionalGraph.Entry, in model: ModelObject) -> (String, String) {
        switch entry {
        case let .input(input):
            let text = "[\(KerasText.batchShape(input.shape))]"
            return (text, text)
        case let .callee(callee):
            guard let call = model.network.calls.first(where: { $0.callee.object === callee.object }) else { return ("?", "?") }
            let inputs = call.inputs.map { KerasText.batchShape($0.shape) }
            let outputs = call.outputShapes.map(KerasText.batchShape)
            return (inputs.count == 1 ? inputs[0] : "[\(inputs.joined(separator: ", "))]",
                    outputs.count == 1 ? outputs[0] : "[\(outputs.joined(separator: ", "))]")
        }
    }
}
