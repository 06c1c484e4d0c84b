import Foundation
import Testing
@testable import NeuralEngine

@Test func summaryOfTheReferenceModel() throws {
    let names = LayerNames(counts: ["dense": 345])
    var rng = RandomGenerator(seed: 0)
    let model = Sequential(name: "sequential_1")
    try model.add(Dense(units: 32, activation: .sigmoid, inputShape: [784], name: names.next("dense")), rng: &rng)
    try model.add(Dense(units: 10, activation: .softmax, name: names.next("dense")), rng: &rng)
    let text = KerasText.summary(try model.summary())
    // The reference notebook's lines (its copy lost the `=` rules and one `_` rule, which
    // Keras 2.2's print_summary prints after the header, between rows and after the last row).
    let expected = """
        _________________________________________________________________
        Layer (type)                 Output Shape              Param #   
        =================================================================
        dense_346 (Dense)            (None, 32)                25120     
        _________________________________________________________________
        dense_347 (Dense)            (None, 10)                330       
        =================================================================
        Total params: 25,450
        Trainable params: 25,450
        Non-trainable params: 0
        _________________________________________________________________

        """
    #expect(text == expected)
    #expect(try model.countParams() == 25450)
}

@Test func summaryCutsLongFields() {
    let row = KerasText.row(["a_very_long_layer_name_indeed (Dense)", "(None, 32)", "25120"], [29, 55, 65])
    #expect(row == "a_very_long_layer_name_indee (None, 32)                25120     ")
}

@Test func groupsThousandsLikePython() {
    #expect(KerasText.grouped(0) == "0")
    #expect(KerasText.grouped(999) == "999")
    #expect(KerasText.grouped(1000) == "1,000")
    #expect(KerasText.grouped(1_863_690) == "1,863,690")
}

// Expected strings produced by Keras 2.2.4's own Progbar (run under CPython with a faked clock).
private let logs = Logs([
    .init(name: "loss", value: 0.6842), .init(name: "accuracy", value: 0.84103),
    .init(name: "val_loss", value: 0.45012), .init(name: "val_accuracy", value: 0.89867),
])

@Test func finishedProgressLine() {
    #expect(KerasText.finishedLine(samples: 54000, seconds: 1.03, logs: logs)
        == "54000/54000 [==============================] - 1s 19us/step - loss: 0.6842 - accuracy: 0.8410 - val_loss: 0.4501 - val_accuracy: 0.8987")
    #expect(KerasText.finishedLine(samples: 6000, seconds: 25.3, logs: Logs([.init(name: "loss", value: 0.00012345), .init(name: "mae", value: -0.5)]))
        == "6000/6000 [==============================] - 25s 4ms/step - loss: 1.2345e-04 - mae: -0.5000")
    #expect(KerasText.finishedLine(samples: 100, seconds: 150, logs: Logs([.init(name: "loss", value: 1.5)]))
        == "100/100 [==============================] - 150s 2s/step - loss: 1.5000")
}

@Test func liveProgressLines() {
    var bar = Progbar(target: 54000, dynamicDisplay: true)
    #expect(bar.update(current: 1280, elapsed: 0.1, logs: Logs([.init(name: "loss", value: 2.27312), .init(name: "accuracy", value: 0.15859)]))
        == "\r 1280/54000 [..............................] - ETA: 4s - loss: 2.2731 - accuracy: 0.1586")
    // Throttled: less than 0.05 s later and not finished.
    #expect(bar.update(current: 1408, elapsed: 0.12, logs: Logs()) == "")
    var half = Progbar(target: 54000, dynamicDisplay: true)
    #expect(half.update(current: 27000, elapsed: 100, logs: Logs([.init(name: "loss", value: 0.5)]))
        == "\r27000/54000 [==============>...............] - ETA: 1:40 - loss: 0.5000")
    var slow = Progbar(target: 54000, dynamicDisplay: true)
    #expect(slow.update(current: 100, elapsed: 4000, logs: Logs([.init(name: "loss", value: 0.5)]))
        == "\r  100/54000 [..............................] - ETA: 598:53:20 - loss: 0.5000")
    // The final update erases the previous line's tail and ends the line.
    let final = half.update(current: 54000, elapsed: 200, logs: Logs([.init(name: "loss", value: 0.5)]))
    #expect(final == String(repeating: "\u{8}", count: 71)
        + "\r54000/54000 [==============================] - 200s 4ms/step - loss: 0.5000\n")
}

@Test func verboseTwoLine() {
    let line = KerasText.verboseTwoLine(seconds: 1.49, logs: Logs([
        .init(name: "loss", value: 0.6842), .init(name: "accuracy", value: 0.0005), .init(name: "val_loss", value: -0.5),
    ]))
    #expect(line == " - 1s - loss: 0.6842 - accuracy: 5.0000e-04 - val_loss: -5.0000e-01")
}

@Test func fitBannerAndEpochHeader() {
    #expect(KerasText.trainBanner(samples: 54000, validationSamples: 6000) == "Train on 54000 samples, validate on 6000 samples")
    #expect(KerasText.trainBanner(samples: 54000, validationSamples: nil) == nil)
    #expect(KerasText.epochHeader(epoch: 0, epochs: 5) == "Epoch 1/5")
}

@Test func fitLogForReports() throws {
    var rng = RandomGenerator(seed: 0)
    let model = Sequential(name: "sequential_1")
    try model.add(Dense(units: 2, activation: .softmax, inputShape: [3], name: "dense_1"), rng: &rng)
    try model.compile(optimizer: SGD(), loss: .categoricalCrossentropy, metrics: [.accuracy])
    let x = Tensor(shape: [10, 3], repeating: 1)
    let y = Tensor(shape: [10, 2], scalars: (0..<10).flatMap { $0 % 2 == 0 ? [Float(1), 0] : [0, 1] })
    for verbose in [0, 1, 2] {
        var log = FitLog(verbose: verbose, live: false)
        var text = ""
        _ = try model.fit(x, y, batchSize: 4, epochs: 2, validationSplit: 0.2, rng: &rng) { text += log.text(for: $0) }
        // Timings vary; replace them so the layout can be compared.
        let normalised = text.replacingOccurrences(of: #"- \d+s( \d+[mu]?s/step)?"#, with: "- T", options: .regularExpression)
            .replacingOccurrences(of: #"\d\.\d{4}"#, with: "N", options: .regularExpression)
        switch verbose {
        case 0: #expect(text == "")
        case 1: #expect(normalised == """
            Train on 8 samples, validate on 2 samples
            Epoch 1/2
            8/8 [==============================] - T - loss: N - accuracy: N - val_loss: N - val_accuracy: N
            Epoch 2/2
            8/8 [==============================] - T - loss: N - accuracy: N - val_loss: N - val_accuracy: N

            """)
        default: #expect(normalised == """
            Train on 8 samples, validate on 2 samples
            Epoch 1/2
             - T - loss: N - accuracy: N - val_loss: N - val_accuracy: N
            Epoch 2/2
             - T - loss: N - accuracy: N - val_loss: N - val_accuracy: N

            """)
        }
    }
}
