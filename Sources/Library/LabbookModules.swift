import CellLanguage

/// Settings the library modules read: the notebook's seed and whether timing figures may
/// appear in outputs.
public struct LibrarySettings: Sendable {
    public var seed: Int
    public var showTimings: Bool
    public init(seed: Int, showTimings: Bool) {
        self.seed = seed
        self.showTimings = showTimings
    }
}

/// The modules cells can import. (Placeholder until the keras/numpy binding lands.)
public enum LabbookModules {
    public static func registry(settings: LibrarySettings) -> ModuleRegistry {
        let registry = ModuleRegistry()
        PyplotModule.register(in: registry)
        return registry
    }

    /// What a cell leaves behind for its outputs once it has run: open matplotlib figures
    /// (shown at the end of the cell, as Jupyter's inline backend does).
    public static func cellEndOutputs(_ interpreter: Interpreter) -> [OutputPart] {
        PyplotModule.flush(interpreter)
    }
}
