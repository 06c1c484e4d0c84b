import CellLanguage

/// The `sklearn` package cells import: `sklearn.metrics` and `sklearn.model_selection`
/// (`import sklearn.metrics`, `from sklearn import metrics`,
/// `from sklearn.model_selection import train_test_split`). docs/sklearn.md lists what exists.
///
///     from sklearn.model_selection import train_test_split
///     train_test_split([1, 2, 3, 4], test_size=0.5, random_state=0)   # [[4, 1], [2, 3]]
enum SklearnModules {
    /// The scikit-learn version whose results and printed text Labbook's follow.
    static let version = "1.9.1"

    static func register(in registry: ModuleRegistry, state: LibraryState) {
        registry.register("sklearn") { _ in Module("sklearn", [("__version__", .str(version))]) }
        registry.register("sklearn.metrics") { _ in SklearnMetrics.make() }
        registry.register("sklearn.model_selection") { _ in
            let m = Module("sklearn.model_selection")
            m.define("train_test_split") { args, _ in try TrainTestSplit.split(args, context: state.numpy) }
            return m
        }
    }
}
