import CellLanguage
import Foundation
import CellOutput
import NeuralEngine

/// What the library modules need from the run: the notebook's seed and whether printed
/// text may carry timing figures.
///
///     LibrarySettings(seed: 0, showTimings: false)
public struct LibrarySettings: Sendable {
    /// Seeds the session's one random generator (front matter `seed`, or `--seed`).
    public var seed: Int
    /// Whether `fit` prints `- 1s 19us/step`-style timings; `false` keeps reports byte-stable.
    public var showTimings: Bool
    /// The notebook's path: relative paths of `open`/`os` start in its folder, and it is
    /// `sys.argv[0]`. Nil (tests): the current directory.
    public var notebookPath: String?

    public init(seed: Int, showTimings: Bool, notebookPath: String? = nil) {
        self.seed = seed
        self.showTimings = showTimings
        self.notebookPath = notebookPath
    }
}

/// The modules Labbook cells can import: `numpy`, `keras` (also as `tensorflow.keras`)
/// and its submodules, all sharing one `LibraryState` per session, `matplotlib.pyplot`, and
/// `sklearn.metrics` and `sklearn.model_selection`.
///
///     let session = Session(modules: LabbookModules.registry(settings: .init(seed: 0, showTimings: false)))
///     session.run("from keras.layers import Dense\nDense(3).name", cellNumber: 1).outputs
///     // [.result("'dense_1'")]
public enum LabbookModules {
    /// A registry for one session, with a fresh state seeded from `settings`.
    public static func registry(settings: LibrarySettings) -> ModuleRegistry {
        registry(state: LibraryState(settings: settings))
    }

    /// A registry whose modules share `state` (the runner keeps it to snapshot the session).
    public static func registry(state: LibraryState) -> ModuleRegistry {
        let registry = ModuleRegistry()
        let environment = registry.environment
        if let path = state.settings.notebookPath {
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            environment.directory = (absolute as NSString).deletingLastPathComponent
            environment.argv = [path]
        }
        // Without timings, time.time() and datetime.now() read one instant, so reports stay byte-stable.
        if !state.settings.showTimings { environment.fixedClock = HostEnvironment.referenceInstant }
        NumPyModule.register(in: registry, context: state.numpy)
        KerasModules.register(in: registry, state: state)
        PyplotModule.register(in: registry)
        SklearnModules.register(in: registry, state: state)
        LibrarySnapshots.register(in: registry, state: state)
        RealPublicNames.register(in: registry)
        return registry
    }

    /// What a cell leaves behind for its outputs once it has run: open matplotlib figures
    /// (shown at the end of the cell, as Jupyter's inline backend does).
    public static func cellEndOutputs(_ interpreter: Interpreter) -> [OutputPart] {
        PyplotModule.flush(interpreter)
    }
}
