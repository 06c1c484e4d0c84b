import Foundation
import Testing
@testable import NeuralEngine

/// The new losses and metrics against the worked examples in Keras' documentation (the
/// values its docstrings print), and the stateful metrics' epoch semantics.

private func meanLoss(_ loss: Loss, _ output: [Float], _ target: [Float], rows: Int, width: Int) -> Double {
    loss.evaluate(output: output, target: target, rows: rows, width: width, gradient: nil) / Double(rows)
}

private func metricValue(_ metric: Metric, _ output: [Float], _ target: [Float], rows: Int, width: Int) -> Double {
    var totals = MetricTotals(metrics: [metric])
    totals.add(samples: rows, lossSum: 0, output: output, target: target, rows: rows, width: width, rowsPerSample: 1)
    return totals.values[1]
}

@Test func huberAndKullbackLeiblerMatchKerasExamples() {
    // keras.losses.Huber / KLDivergence docstrings: y_true [[0, 1], [0, 0]], y_pred [[0.6, 0.4], [0.4, 0.6]].
    let yTrue: [Float] = [0, 1, 0, 0], yPred: [Float] = [0.6, 0.4, 0.4, 0.6]
    #expect(abs(meanLoss(.huber, yPred, yTrue, rows: 2, width: 2) - 0.155) < 1e-6)
    #expect(abs(meanLoss(.kullbackLeiblerDivergence, yPred, yTrue, rows: 2, width: 2) - 0.458) < 1e-3)
    // delta = 0.5: |e| = 0.6 is past it: 0.5 * (0.6 - 0.25) = 0.175; 0.4 is inside: 0.08.
    #expect(abs(meanLoss(Loss(.huber, delta: 0.5), yPred, yTrue, rows: 2, width: 2) - (0.175 + 0.175 + 0.08 + 0.175) / 4) < 1e-6)
}

@Test func crossEntropiesOnLogitsMatchTensorFlow() {
    // BinaryCrossentropy(from_logits=True) docstring: 0.865.
    let binary = Loss(.binaryCrossentropy, fromLogits: true)
    #expect(abs(meanLoss(binary, [-18.6, 0.51, 2.94, -12.8], [0, 1, 0, 0], rows: 1, width: 4) - 0.865) < 1e-3)
    // logsumexp(1, 2, 3) - 3, computed in double: 0.40760596444.
    let sparse = Loss(.sparseCategoricalCrossentropy, fromLogits: true)
    #expect(abs(meanLoss(sparse, [1, 2, 3], [2], rows: 1, width: 3) - 0.40760596444) < 1e-6)
    let categorical = Loss(.categoricalCrossentropy, fromLogits: true)
    #expect(abs(meanLoss(categorical, [1, 2, 3], [0, 0, 1], rows: 1, width: 3) - 0.40760596444) < 1e-6)
    // Large logits do not overflow: the log-softmax form stays exact where softmax would saturate.
    #expect(abs(meanLoss(sparse, [1000, 0, -1000], [1], rows: 1, width: 3) - 1000) < 1e-3)
    #expect(abs(meanLoss(binary, [-200], [1], rows: 1, width: 1) - 200) < 1e-3)
}

@Test func lossesEncodeAsTheirNameAtTheDefaults() throws {
    #expect(Loss(kerasName: "kld") == .kullbackLeiblerDivergence)
    #expect(Loss(kerasName: "huber_loss") == .huber)
    #expect(Loss(.meanSquaredError, fromLogits: true).fromLogits == false)
    let encoder = JSONEncoderForTests()
    #expect(try encoder.string(Loss.categoricalCrossentropy) == #""categorical_crossentropy""#)
    let logits = Loss(.sparseCategoricalCrossentropy, fromLogits: true)
    #expect(try encoder.roundTrip(logits) == logits)
    #expect(try encoder.roundTrip(Loss(.huber, delta: 2.5)) == Loss(.huber, delta: 2.5))
    #expect(try encoder.roundTrip(Loss.binaryCrossentropy) == .binaryCrossentropy)
}

@Test func metricObjectsMatchKerasExamples() {
    // Precision / Recall docstrings: y_true [0, 1, 1, 1], y_pred [1, 0, 1, 1] -> 2/3.
    let truth: [Float] = [0, 1, 1, 1], guess: [Float] = [1, 0, 1, 1]
    #expect(abs(metricValue(Metric(.precision, name: "precision_1"), guess, truth, rows: 4, width: 1) - 2.0 / 3) < 1e-6)
    #expect(abs(metricValue(Metric(.recall, name: "recall_1"), guess, truth, rows: 4, width: 1) - 2.0 / 3) < 1e-6)
    // AUC docstring (num_thresholds=3): y_true [0, 0, 1, 1], y_pred [0, 0.5, 0.3, 0.9] -> 0.75;
    // the default 200 thresholds give the exact ROC area here too.
    let labels: [Float] = [0, 0, 1, 1], scores: [Float] = [0, 0.5, 0.3, 0.9]
    #expect(abs(metricValue(Metric(.auc, name: "auc_1", thresholdCount: 3), scores, labels, rows: 4, width: 1) - 0.75) < 1e-6)
    #expect(abs(metricValue(Metric(.auc, name: "auc_1"), scores, labels, rows: 4, width: 1) - 0.75) < 1e-6)
    // TopKCategoricalAccuracy(k=1) docstring: 0.5.
    let top = Metric(.topKCategoricalAccuracy, name: "top_k_categorical_accuracy", k: 1)
    #expect(metricValue(top, [0.1, 0.9, 0.8, 0.05, 0.95, 0], [0, 0, 1, 0, 1, 0], rows: 2, width: 3) == 0.5)
    #expect(metricValue(Metric(.topKCategoricalAccuracy, name: "t", k: 2), [0.1, 0.9, 0.8, 0.05, 0.95, 0], [0, 0, 1, 0, 1, 0], rows: 2, width: 3) == 1)
    // BinaryAccuracy docstring: 0.75; with threshold 0.7 the 0.6 counts as 0, so all four hit.
    #expect(metricValue(Metric(.binaryAccuracy, name: "binary_accuracy"), [0.98, 1, 0, 0.6], [1, 1, 0, 0], rows: 4, width: 1) == 0.75)
    #expect(metricValue(Metric(.binaryAccuracy, name: "b", threshold: 0.7), [0.98, 1, 0, 0.6], [1, 1, 0, 0], rows: 4, width: 1) == 1)
}

@Test func precisionCountsOverThePassNotPerBatch() {
    // Batch 1: one predicted positive, right (1/1). Batch 2: three predicted, one right (1/3).
    // Keras' stateful precision gives 2/4 over both, not the mean 2/3 of the batch ratios.
    var totals = MetricTotals(metrics: [Metric(.precision, name: "precision_1")])
    totals.add(samples: 2, lossSum: 0, output: [0.9, 0.1], target: [1, 0], rows: 2, width: 1, rowsPerSample: 1)
    totals.add(samples: 3, lossSum: 0, output: [0.8, 0.7, 0.6], target: [1, 0, 0], rows: 3, width: 1, rowsPerSample: 1)
    #expect(totals.values[1] == 0.5)
    #expect(totals.samples == 5)
}

/// JSON through Foundation, as the model file and the cache encode losses.
private struct JSONEncoderForTests {
    func string(_ loss: Loss) throws -> String { String(decoding: try JSONEncoder().encode(loss), as: UTF8.self) }
    func roundTrip(_ loss: Loss) throws -> Loss { try JSONDecoder().decode(Loss.self, from: try JSONEncoder().encode(loss)) }
}
