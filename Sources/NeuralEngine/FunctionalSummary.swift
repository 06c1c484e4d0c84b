/// What `model.summary()` shows for a functional model that is not a plain chain: Keras 2's
/// four-column layout with the `Connected to` column.
public struct FunctionalSummary: Equatable, Sendable {
    /// One `model.layers` entry.
    public struct Row: Equatable, Sendable {
        /// `dense_1 (Dense)`.
        public var layerColumn: String
        /// `(None, 32)`, `multiple`, or a list of shapes.
        public var shapeColumn: String
        public var parameters: Int
        /// `input_1[0][0]`, one per input of each call of the layer.
        public var connections: [String]

        public init(layerColumn: String, shapeColumn: String, parameters: Int, connections: [String]) {
            self.layerColumn = layerColumn
            self.shapeColumn = shapeColumn
            self.parameters = parameters
            self.connections = connections
        }
    }

    public var rows: [Row]
    public var totalParameters: Int
    public var trainableParameters: Int

    public init(rows: [Row], totalParameters: Int, trainableParameters: Int) {
        self.rows = rows
        self.totalParameters = totalParameters
        self.trainableParameters = trainableParameters
    }
}

extension KerasText {
    /// `model.summary()` for a functional model with branches, merges or shared layers: 98
    /// columns, columns ending at Keras' positions `[.33, .55, .67, 1.]` of the line length; a
    /// layer's further connections each get a line of their own under it.
    public static func functionalSummary(_ summary: FunctionalSummary, lineLength: Int = 98) -> String {
        let positions = [0.33, 0.55, 0.67, 1.0].map { Int(Double(lineLength) * $0) }
        let rule = String(repeating: "_", count: lineLength)
        let double = String(repeating: "=", count: lineLength)
        var lines = [rule, row(["Layer (type)", "Output Shape", "Param #", "Connected to"], positions), double]
        for (i, layer) in summary.rows.enumerated() {
            lines.append(row([layer.layerColumn, layer.shapeColumn, String(layer.parameters),
                              layer.connections.first ?? ""], positions))
            for connection in layer.connections.dropFirst() { lines.append(row(["", "", "", connection], positions)) }
            lines.append(i == summary.rows.count - 1 ? double : rule)
        }
        if summary.rows.isEmpty { lines.append(double) }
        // The footer is the Sequential layout's: its last four lines.
        let footer = KerasText.summary(ModelSummary(named: "", rows: [], total: summary.totalParameters,
                                                    trainable: summary.trainableParameters), lineLength: lineLength)
        return lines.map { $0 + "\n" }.joined()
            + footer.split(separator: "\n").suffix(4).map { $0 + "\n" }.joined()
    }

    /// Python's `str()` of a batch shape, `(None, 32)`.
    public static func batchShape(_ shape: [Int]) -> String { pythonTuple([nil] + shape.map { Optional($0) }) }
}

extension ModelSummary {
    /// A summary of `rows` (a functional model's, laid out as a Sequential's).
    public init(named name: String, rows: [Row], total: Int, trainable: Int) {
        self.init(modelName: name, rows: rows, totalParameters: total, trainableParameters: trainable)
    }
}

extension ModelSummary.Row {
    /// A row; `outputShape` has the batch axis as `nil`.
    public init(named name: String, className: String, outputShape: [Int?], parameters: Int) {
        self.init(name: name, className: className, outputShape: outputShape, parameters: parameters)
    }

    /// A row whose output shape column reads `multiple`, as Keras prints a subclassed model's layers.
    public init(named name: String, className: String, multipleShapes parameters: Int) {
        self.init(name: name, className: className, outputShape: [], parameters: parameters, shapeText: "multiple")
    }
}
