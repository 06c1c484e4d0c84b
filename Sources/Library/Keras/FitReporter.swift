import CellOutput
import Foundation
import CellLanguage
import NeuralEngine

/// Turns `fit`'s training events into what Keras 2 prints, in two places:
///
/// - the **log** (`Train on ... samples`, `Epoch 1/5`, each epoch's finished progress line
///   or, with `verbose=2`, its one-line summary), kept and written at the end of `fit` as
///   the `plainText` of one `.chart` part that also carries the per-epoch series, so the
///   Markdown report shows the log once and the HTML report draws the curves under it;
/// - the **live status** (the in-progress bar with its ETA), sent to the terminal while
///   the epoch runs and never written to any output.
///
/// With `showTimings == false` the timing fields are left out, so two runs print the same
/// bytes: `54000/54000 [==============================] - loss: 0.6842 - accuracy: 0.8410`
/// instead of `... [====] - 1s 19us/step - loss: ...`, and ` - loss: 0.6842 - ...` instead of
/// ` - 1s - loss: 0.6842 - ...` for `verbose=2`.
///
/// Between batches it checks the cell's deadline, so `#| timeout:` stops a long `fit`.
final class FitReporter {
    let verbose: Int
    let showTimings: Bool
    let interpreter: Interpreter
    private(set) var log = ""
    private(set) var trainingSamples: Int?
    private var epochs = 0
    private var epochLabel = ""
    private var bar: Progbar?

    init(verbose: Int, showTimings: Bool, interpreter: Interpreter) {
        self.verbose = verbose
        self.showTimings = showTimings
        self.interpreter = interpreter
    }

    /// The engine's observer.
    func observe(_ event: TrainingEvent) throws {
        switch event {
        case let .trainBegin(samples, validationSamples, epochs, _):
            trainingSamples = samples
            self.epochs = epochs
            if verbose > 0, let banner = KerasText.trainBanner(samples: samples, validationSamples: validationSamples) {
                log += banner + "\n"
            }
            try interpreter.checkDeadline()
        case .epochBegin(let epoch):
            epochLabel = KerasText.epochHeader(epoch: epoch, epochs: epochs)
            if verbose > 0 { log += epochLabel + "\n" }
            bar = Progbar(target: trainingSamples ?? 0, dynamicDisplay: true)
        case let .batchEnd(_, seen, _, elapsed, logs):
            try interpreter.checkDeadline()
            if let text = bar?.update(current: seen, elapsed: elapsed, logs: logs), !text.isEmpty {
                let line = text.filter { $0 != "\u{8}" && $0 != "\r" && $0 != "\n" }
                interpreter.liveStatus(epochLabel + " " + line)
            }
        case let .epochEnd(_, logs, seconds):
            switch verbose {
            case 1: log += Self.finishedLine(samples: trainingSamples ?? 0, seconds: seconds, logs: logs, showTimings: showTimings) + "\n"
            case 2: log += Self.verboseTwoLine(seconds: seconds, logs: logs, showTimings: showTimings) + "\n"
            default: break
            }
            try interpreter.checkDeadline()
        case .message(let text):
            log += text + "\n"
        case .trainEnd:
            break
        }
    }

    /// Clears the live status and writes the log: as a chart part with the history's
    /// series, or (when `fit` failed part way) as plain text before the error.
    func finish(history: History?, title: String) {
        interpreter.liveStatus(nil)
        guard let history, !history.epoch.isEmpty else {
            if !log.isEmpty { interpreter.write(log) }
            return
        }
        interpreter.emit(.chart(OutputChart(
            plainText: log, title: title, epochs: history.epoch.map { $0 + 1 },
            series: history.items.map { (name: $0.key, values: $0.values) })))
    }

    // MARK: Lines

    /// The finished `verbose=1` line, with or without `- 1s 19us/step`.
    static func finishedLine(samples: Int, seconds: Double, logs: Logs, showTimings: Bool) -> String {
        if showTimings { return KerasText.finishedLine(samples: samples, seconds: seconds, logs: logs) }
        return withoutTimings(KerasText.finishedLine(samples: samples, seconds: 0, logs: logs), timing: " - 0s 0us/step")
    }

    /// The `verbose=2` line, with or without the leading ` - 1s`.
    static func verboseTwoLine(seconds: Double, logs: Logs, showTimings: Bool) -> String {
        if showTimings { return KerasText.verboseTwoLine(seconds: seconds, logs: logs) }
        return withoutTimings(KerasText.verboseTwoLine(seconds: 0, logs: logs), timing: " - 0s")
    }

    /// `evaluate(verbose=1)`'s finished bar: `10000/10000 [==============================] - 0s 25us/step`.
    static func evaluationLine(samples: Int, seconds: Double, showTimings: Bool) -> String {
        finishedLine(samples: samples, seconds: seconds, logs: Logs(), showTimings: showTimings)
    }

    /// Removes the first occurrence of the timing field that a zero duration prints.
    private static func withoutTimings(_ line: String, timing: String) -> String {
        guard let range = line.range(of: timing) else { return line }
        return line.replacingCharacters(in: range, with: "")
    }
}
