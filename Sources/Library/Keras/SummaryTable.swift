import CellLanguage
import CellOutput
import NeuralEngine

/// `model.summary()` as an output part: the exact Keras 2 text for terminals and Markdown,
/// and the same figures as header, rows and footer for an HTML table.
enum SummaryTable {
    static func table(_ summary: ModelSummary, text: String) -> OutputTable {
        OutputTable(
            plainText: text,
            header: ["Layer (type)", "Output Shape", "Param #"],
            rows: summary.rows.map { [$0.layerColumn, $0.shapeColumn, String($0.parameters)] },
            footer: [
                "Total params: \(KerasText.grouped(summary.totalParameters))",
                "Trainable params: \(KerasText.grouped(summary.trainableParameters))",
                "Non-trainable params: \(KerasText.grouped(summary.nonTrainableParameters))",
            ])
    }
}
