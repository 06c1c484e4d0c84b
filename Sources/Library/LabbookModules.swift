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
        ModuleRegistry()
    }
}
