import Foundation

/// Everything the dataset loaders take from the outside world: the home directory, the
/// environment variables, the system dataset directory and the network. Injected so tests
/// never depend on the real home or touch the network.
///
/// ```swift
/// var environment = DatasetEnvironment.process
/// environment.variables["LABBOOK_OFFLINE"] = "1"
/// let data = try Dataset.load(.mnist, environment: environment)
/// ```
public struct DatasetEnvironment: Sendable {
    /// Fetches a URL's body; throws with a short reason on any failure (HTTP status included).
    public typealias Downloader = @Sendable (_ url: String) throws -> [UInt8]

    /// The user's home directory (`~`).
    public var homeDirectory: String
    /// Environment variables: `LABBOOK_DATASETS`, `LABBOOK_OFFLINE`, `KERAS_HOME`, `XDG_CACHE_HOME`.
    public var variables: [String: String]
    /// Where distributions install datasets (`/usr/share/datasets`, Debian's `dataset-*` packages).
    public var systemDatasetsDirectory: String
    /// How files are downloaded; nil means never download.
    public var downloader: Downloader?

    public init(homeDirectory: String, variables: [String: String] = [:],
                systemDatasetsDirectory: String = "/usr/share/datasets", downloader: Downloader? = nil)
    {
        self.homeDirectory = homeDirectory
        self.variables = variables
        self.systemDatasetsDirectory = systemDatasetsDirectory
        self.downloader = downloader
    }

    /// This process's home, environment and the real network (URLSession).
    public static var process: DatasetEnvironment {
        let variables = ProcessInfo.processInfo.environment
        // $HOME first, as Python's expanduser (and so Keras) does; the password database otherwise.
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return DatasetEnvironment(homeDirectory: home, variables: variables, downloader: HTTPDownloader.fetch)
    }

    /// `LABBOOK_OFFLINE` set to anything but empty or `0` forbids downloads.
    public var isOffline: Bool {
        guard let value = variables["LABBOOK_OFFLINE"] else { return false }
        return !value.isEmpty && value != "0"
    }

    /// Keras' cache directory: `$KERAS_HOME`, else `~/.keras` (as Keras decides it).
    var kerasHome: String {
        if let home = variables["KERAS_HOME"], !home.isEmpty { return home }
        return homeDirectory + "/.keras"
    }

    /// Labbook's own cache of imported or downloaded datasets: `~/.cache/labbook/datasets`
    /// (`$XDG_CACHE_HOME/labbook/datasets` when that is set).
    public var labbookCacheDirectory: String {
        if let cache = variables["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/labbook/datasets" }
        return homeDirectory + "/.cache/labbook/datasets"
    }

    /// Where `labbook datasets import` writes `dataset`.
    public func importDirectory(for dataset: Dataset) -> String {
        labbookCacheDirectory + "/" + dataset.name
    }
}
