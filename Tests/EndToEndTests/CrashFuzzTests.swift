import Foundation
import TestSupport
import Testing

/// The crash fuzzer: mutants of the conformance snippets (and a few Keras cells) run as
/// cells of the real `labbook` binary; any child that dies by a signal is a crash, reported
/// with its minimal cell. Every bad cell must become an error output, never a trap
/// (docs/language.md).
///
/// A normal test run tries a fixed 200 mutants of a fixed seed (a few seconds, the same
/// mutants every time). Longer runs are opt-in, by time:
///
///     LABBOOK_FUZZ_SECONDS=600 LABBOOK_FUZZ_SEED=7 swift test --skip-build --filter CrashFuzz
@Suite(.serialized) struct CrashFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seconds = Double(environment["LABBOOK_FUZZ_SECONDS"] ?? "")
    static let mutantLimit = seconds == nil ? 200 : Int.max
    static let seed = UInt64(environment["LABBOOK_FUZZ_SEED"] ?? "") ?? 1
    static let cellsPerNotebook = 20

    /// `labbook` (LABBOOK_FUZZ_BINARY, else the one the other end-to-end tests run).
    static var binary: String? { environment["LABBOOK_FUZZ_BINARY"] ?? LabbookBinary.path }

    /// Keras cells to mutate beside the language and numpy snippets.
    static let kerasSeeds = [
        """
        import numpy as np
        from keras.models import Sequential
        from keras.layers import Dense, Dropout
        model = Sequential()
        model.add(Dense(8, activation='relu', input_shape=(4,)))
        model.add(Dropout(0.5))
        model.add(Dense(3, activation='softmax'))
        model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
        x = np.random.rand(20, 4)
        y = np.eye(3)[np.arange(20) % 3]
        h = model.fit(x, y, batch_size=4, epochs=2, verbose=0, validation_split=0.25)
        print(model.evaluate(x, y, verbose=0), model.predict(x[:2], verbose=0).shape)
        """,
        """
        import keras
        from keras import layers
        m = keras.models.Sequential([layers.Flatten(input_shape=(2, 3)), layers.Dense(4, activation='sigmoid'), layers.Dense(1)])
        m.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss='mse', metrics=['mae'])
        m.summary()
        w = m.get_weights()
        m.set_weights(w)
        print(m.count_params(), len(m.layers))
        """,
        """
        from keras.utils import to_categorical
        import numpy as np
        print(to_categorical([0, 2, 1], 3))
        print(to_categorical(np.array([1, 1]), num_classes=4).shape)
        """,
        """
        import matplotlib.pyplot as plt
        import numpy as np
        plt.figure(figsize=(4, 3))
        plt.plot([1, 2, 3], [4, 5, 6], label='a')
        plt.hist(np.random.randn(100), bins=10)
        plt.imshow(np.zeros((4, 4)), cmap='gray')
        plt.subplot(1, 2, 1)
        plt.legend()
        plt.show()
        """,
    ]

    static func seeds() -> [String] {
        let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let folders = [
            testsFolder.appendingPathComponent("CellLanguageTests/Conformance"),
            testsFolder.appendingPathComponent("LibraryTests/NumPyConformance"),
        ]
        var cells = kerasSeeds
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            var paths: [URL] = []
            for case let url as URL in walker where url.pathExtension == "py" { paths.append(url) }
            for url in paths.sorted(by: { $0.path < $1.path }) {
                if let text = try? String(contentsOf: url, encoding: .utf8) { cells.append(text) }
            }
        }
        return cells
    }

    @Test func mutatedCellsNeverCrashTheTool() throws {
        let binary = try #require(Self.binary, "build the labbook binary first")
        let seeds = Self.seeds()
        #expect(seeds.count > 300)
        let runner = try CellCrashRunner(binary: binary)
        defer { runner.removeDirectory() }
        var mutator = CellMutator(seed: Self.seed)
        var crashes: [String] = []
        var mutants = 0, hangs = 0
        var hung: [String] = []
        let deadline = Date().addingTimeInterval(Self.seconds ?? 600)
        while Date() < deadline, mutants < Self.mutantLimit {
            let batch = (0..<Self.cellsPerNotebook).map { _ in mutator.mutate(mutator.pick(seeds), donors: seeds) }
            mutants += batch.count
            switch try runner.run(batch) {
            case .finished: continue
            case .hung:
                // A cell that outlives its own timeout by far: find it, so the cause can be fixed.
                hangs += 1
                if let cell = batch.first(where: { (try? runner.run([$0])) == .hung }) {
                    hung.append(cell)
                    print("HANG (timeout \(runner.cellTimeout) s, killed after \(runner.wallLimit) s)\n--- cell ---\n\(cell)\n---")
                } else {
                    print("HANG of a notebook whose cells each finish alone:\n\(runner.notebook(batch))---")
                }
            case .crashed:
                // Find the cell that crashes on its own, then shrink it.
                var alone = false
                for cell in batch {
                    guard case .crashed(let signal, let message) = try runner.run([cell]) else { continue }
                    let minimal = runner.minimize(cell)
                    crashes.append("signal \(signal) \(message)\n\(minimal)")
                    print("CRASH (signal \(signal)) \(message)\n--- minimal cell ---\n\(minimal)\n---")
                    alone = true
                    break
                }
                if !alone {
                    // Drop every cell the crash does not need.
                    var needed = batch
                    var i = 0
                    while i < needed.count, needed.count > 1 {
                        var fewer = needed
                        fewer.remove(at: i)
                        if case .crashed = try runner.run(fewer) { needed = fewer } else { i += 1 }
                    }
                    crashes.append("a crash that needs the cells before it:\n" + runner.notebook(needed))
                    print("CRASH needing \(needed.count) cells:\n\(runner.notebook(needed))---")
                }
            }
        }
        print("crash fuzzer: \(mutants) mutants, \(crashes.count) crashes, \(hangs) hung notebooks (seed \(Self.seed))")
        #expect(crashes.isEmpty, "\(crashes.joined(separator: "\n\n"))")
    }
}
