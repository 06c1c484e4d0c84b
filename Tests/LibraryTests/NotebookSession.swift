import CellLanguage
import Foundation
import Library
import Testing

/// A session with Labbook's modules, run cell by cell as a notebook would be.
final class NotebookSession {
    let session: Session
    private var cellNumber = 0
    /// Live status lines the session sent (what a terminal would have shown).
    let statuses = StatusRecorder()

    init(seed: Int = 0, showTimings: Bool = false) {
        session = Session(modules: LabbookModules.registry(settings: LibrarySettings(seed: seed, showTimings: showTimings)))
        let recorder = statuses
        session.onLiveStatus = { recorder.record($0) }
    }

    /// A session that has run `setup` (the suite's imports and data) as its first cell, which
    /// must succeed.
    convenience init(running setup: String, sourceLocation: SourceLocation = #_sourceLocation) {
        self.init()
        _ = text(setup, sourceLocation: sourceLocation)
    }

    /// Runs a cell and returns its outcome.
    @discardableResult
    func run(_ source: String, timeout: Double? = nil) -> CellOutcome {
        cellNumber += 1
        return session.run(source, cellNumber: cellNumber, timeout: timeout)
    }

    /// Runs a cell that must succeed and returns the text a terminal would show.
    func text(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let outcome = run(source)
        #expect(outcome.error == nil, "\(outcome.error?.traceback ?? "")", sourceLocation: sourceLocation)
        return outcome.outputs.map(\.plainText).joined()
    }

    /// Runs a cell that must fail and returns its error's last line (`Type: message`).
    func error(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let outcome = run(source)
        #expect(outcome.error != nil, "expected an error", sourceLocation: sourceLocation)
        return outcome.error?.summary ?? ""
    }

    /// A global's repr.
    func repr(_ expression: String) -> String {
        text(expression).trimmingCharacters(in: .newlines)
    }
}

final class StatusRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String?] = []
    func record(_ line: String?) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }
    var all: [String?] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// Small synthetic problems, built in the cell language without numpy.
enum Synthetic {
    /// `x` (n x 2 floats in [0, 1)), `y` (0/1: is the first coordinate larger), and `y_hot`
    /// (one-hot of `y`), n = 40.
    static let twoClasses = """
        from keras.models import Sequential
        from keras.layers import Dense
        import keras
        x = [[(i * 7 % 10) / 10, (i * 3 % 11) / 11] for i in range(40)]
        y = [1 if a > b else 0 for a, b in x]
        y_hot = keras.utils.to_categorical(y, 2)
        """

    /// numpy, keras, `Sequential` and `Dense`, and `x`: 64 samples of 3 floats in [0, 1)
    /// (float32) from the session's seeded generator.
    static let threeInputs = """
        import numpy as np
        import keras
        from keras.models import Sequential
        from keras.layers import Dense
        x = np.random.rand(64, 3).astype('float32')
        """

    /// A compiled two-layer classifier on `twoClasses`.
    static let model = """
        model = Sequential([Dense(8, activation='relu', input_shape=(2,)), Dense(2, activation='softmax')])
        model.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['accuracy'])
        """
}
