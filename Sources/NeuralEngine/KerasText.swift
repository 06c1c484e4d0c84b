import Foundation

/// The text Keras 2 prints, as pure functions: `model.summary()`, the `fit` banner, epoch
/// headers and the progress bar's lines. Layouts follow Keras 2.2's `print_summary` and
/// `Progbar` (keras/utils/layer_utils.py and generic_utils.py).
public enum KerasText {
    // MARK: summary()

    /// `model.summary()` for a Sequential model: 65 columns, columns starting at 0, 29 and 55
    /// (Keras' positions `[.45, .85, 1.]` of the line length). Lines end with "\n".
    ///
    /// ```
    /// _________________________________________________________________
    /// Layer (type)                 Output Shape              Param #
    /// =================================================================
    /// dense_1 (Dense)              (None, 32)                25120
    /// ...
    /// ```
    public static func summary(_ summary: ModelSummary, lineLength: Int = 65) -> String {
        let positions = [0.45, 0.85, 1.0].map { Int(Double(lineLength) * $0) }
        let rule = String(repeating: "_", count: lineLength)
        let double = String(repeating: "=", count: lineLength)
        var lines = [rule, row(["Layer (type)", "Output Shape", "Param #"], positions), double]
        for (i, layer) in summary.rows.enumerated() {
            lines.append(row([layer.layerColumn, layer.shapeColumn, String(layer.parameters)], positions))
            lines.append(i == summary.rows.count - 1 ? double : rule)
        }
        if summary.rows.isEmpty { lines.append(double) }
        lines.append("Total params: \(grouped(summary.totalParameters))")
        lines.append("Trainable params: \(grouped(summary.trainableParameters))")
        lines.append("Non-trainable params: \(grouped(summary.nonTrainableParameters))")
        lines.append(rule)
        return lines.map { $0 + "\n" }.joined()
    }

    /// Keras' `print_row`: each field cut or padded to end at its position, with at least the
    /// previous field's last column turned into a space.
    static func row(_ fields: [String], _ positions: [Int]) -> String {
        var line: [Character] = []
        for (i, field) in fields.enumerated() {
            if i > 0 { line = line.dropLast() + [" "] }
            line += Array(field)
            line = Array(line.prefix(positions[i]))
            line += Array(repeating: " ", count: max(0, positions[i] - line.count))
        }
        return String(line)
    }

    /// Python's `'{:,}'.format(n)`: `25450` as `25,450`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    // MARK: fit()

    /// `Train on 54000 samples, validate on 6000 samples`; Keras 2.2 prints it only when
    /// validating, so without validation this is `nil`.
    public static func trainBanner(samples: Int, validationSamples: Int?) -> String? {
        guard let validationSamples else { return nil }
        return "Train on \(samples) samples, validate on \(validationSamples) samples"
    }

    /// `Epoch 1/5` for the 0-based `epoch`.
    public static func epochHeader(epoch: Int, epochs: Int) -> String { "Epoch \(epoch + 1)/\(epochs)" }

    /// The finished `verbose=1` line:
    /// `54000/54000 [==============================] - 1s 19us/step - loss: 0.6842 - accuracy: 0.8410`.
    public static func finishedLine(samples: Int, seconds: Double, logs: Logs) -> String {
        var bar = Progbar(target: samples, dynamicDisplay: true)
        return bar.line(current: samples, elapsed: seconds, logs: logs)
    }

    /// The `verbose=2` line: ` - 1s - loss: 0.6842 - accuracy: 0.8410`.
    public static func verboseTwoLine(seconds: Double, logs: Logs) -> String {
        var info = String(format: " - %.0fs", seconds)
        for entry in logs.entries {
            // Keras 2 tests `avg > 1e-3` here (not the absolute value, unlike verbose=1).
            info += " - \(entry.name):" + (entry.value > 1e-3 ? String(format: " %.4f", entry.value) : String(format: " %.4e", entry.value))
        }
        return info
    }

    /// A log value as the progress bar shows it: `%.4f`, or `%.4e` when `|value| <= 1e-3`.
    public static func logValue(_ value: Double) -> String {
        abs(value) > 1e-3 ? String(format: "%.4f", value) : String(format: "%.4e", value)
    }
}

/// Keras 2's `Progbar` for `verbose=1`, counting samples: feed it the running logs after each
/// batch and write what it returns. On a terminal (`dynamicDisplay`) it redraws one line with
/// backspaces and `\r`; elsewhere every update starts a new line, as Keras does.
///
/// ```swift
/// var bar = Progbar(target: 54000, dynamicDisplay: true)
/// out.write(bar.update(current: 1280, elapsed: 0.1, logs: logs))
/// // "\r 1280/54000 [>.............................] - ETA: 4s - loss: 2.2731 - accuracy: 0.1586"
/// ```
public struct Progbar: Sendable {
    public let target: Int
    public let width: Int
    public let dynamicDisplay: Bool
    /// Minimum seconds between two redraws before the end.
    public let interval: Double
    private var totalWidth = 0
    private var lastUpdate = -Double.infinity

    /// A bar for `target` samples.
    public init(target: Int, width: Int = 30, dynamicDisplay: Bool, interval: Double = 0.05) {
        self.target = target
        self.width = width
        self.dynamicDisplay = dynamicDisplay
        self.interval = interval
    }

    /// The text to write for progress `current` at `elapsed` seconds since the epoch began
    /// ("" when throttled). The final update (`current >= target`) ends with "\n".
    public mutating func update(current: Int, elapsed: Double, logs: Logs) -> String {
        if elapsed - lastUpdate < interval && current < target { return "" }
        lastUpdate = elapsed
        let previousWidth = totalWidth
        var text = dynamicDisplay ? String(repeating: "\u{8}", count: previousWidth) + "\r" : "\n"
        var body = line(current: current, elapsed: elapsed, logs: logs)
        if previousWidth > totalWidth { body += String(repeating: " ", count: previousWidth - totalWidth) }
        text += body
        if current >= target { text += "\n" }
        return text
    }

    /// The bar and info for `current` without control characters; records its width.
    mutating func line(current: Int, elapsed: Double, logs: Logs) -> String {
        let digits = String(max(target, 1)).count
        var bar = String(repeating: " ", count: max(0, digits - String(current).count)) + "\(current)/\(target) ["
        let progress = target > 0 ? Double(current) / Double(target) : 1
        let filled = Int(Double(width) * progress)
        if filled > 0 {
            bar += String(repeating: "=", count: filled - 1) + (current < target ? ">" : "=")
        }
        bar += String(repeating: ".", count: max(0, width - filled)) + "]"
        let perUnit = current > 0 ? elapsed / Double(current) : 0
        var info: String
        if current < target {
            let eta = perUnit * Double(target - current)
            let etaText: String
            if eta > 3600 {
                etaText = String(format: "%d:%02d:%02d", Int(eta / 3600), Int(eta.truncatingRemainder(dividingBy: 3600) / 60),
                                 Int(eta.truncatingRemainder(dividingBy: 60)))
            } else if eta > 60 {
                etaText = String(format: "%d:%02d", Int(eta / 60), Int(eta.truncatingRemainder(dividingBy: 60)))
            } else {
                etaText = "\(Int(eta))s"
            }
            info = " - ETA: \(etaText)"
        } else {
            info = String(format: " - %.0fs", elapsed)
            if perUnit >= 1 {
                info += String(format: " %.0fs/step", perUnit)
            } else if perUnit >= 1e-3 {
                info += String(format: " %.0fms/step", perUnit * 1e3)
            } else {
                info += String(format: " %.0fus/step", perUnit * 1e6)
            }
        }
        for entry in logs.entries { info += " - \(entry.name): " + KerasText.logValue(entry.value) }
        totalWidth = bar.count + info.count
        return bar + info
    }
}

/// Turns `fit`'s training events into the text Keras 2 prints for a `verbose` level.
/// `live`: a terminal, where the progress bar redraws itself; otherwise (reports, logs) only
/// the finished line of each epoch is written, as the spec keeps it in reports.
///
/// ```swift
/// var log = FitLog(verbose: 1, live: false)
/// try model.fit(x, y, epochs: 5, validationSplit: 0.1, rng: &rng) { output += log.text(for: $0) }
/// // Train on 54000 samples, validate on 6000 samples
/// // Epoch 1/5
/// // 54000/54000 [==============================] - 1s 19us/step - loss: ...
/// ```
public struct FitLog: Sendable {
    public let verbose: Int
    public let live: Bool
    private var epochs = 0
    private var samples = 0
    private var bar: Progbar?

    /// A log for `fit(verbose=...)`.
    public init(verbose: Int, live: Bool) {
        self.verbose = verbose
        self.live = live
    }

    /// The text to write for one event ("" for none).
    public mutating func text(for event: TrainingEvent) -> String {
        guard verbose > 0 else { return "" }
        switch event {
        case let .trainBegin(samples, validationSamples, epochs, _):
            self.epochs = epochs
            self.samples = samples
            return KerasText.trainBanner(samples: samples, validationSamples: validationSamples).map { $0 + "\n" } ?? ""
        case let .epochBegin(epoch):
            bar = nil
            return KerasText.epochHeader(epoch: epoch, epochs: epochs) + "\n"
        case let .batchEnd(_, seen, samples, seconds, logs):
            // Keras leaves the last batch's update to the end of the epoch.
            guard verbose == 1, live, seen < samples else { return "" }
            if bar == nil { bar = Progbar(target: samples, dynamicDisplay: true) }
            return bar!.update(current: seen, elapsed: seconds, logs: logs)
        case let .epochEnd(_, logs, seconds):
            if verbose == 2 { return KerasText.verboseTwoLine(seconds: seconds, logs: logs) + "\n" }
            if live, var current = bar {
                bar = nil
                return current.update(current: current.target, elapsed: seconds, logs: logs)
            }
            return KerasText.finishedLine(samples: samples, seconds: seconds, logs: logs) + "\n"
        case let .message(text):
            return text + "\n"
        case .trainEnd:
            return ""
        }
    }
}
