import Foundation

/// The file layout a dataset was found in.
public enum DatasetFormat: Sendable, Equatable, CustomStringConvertible {
    /// The four IDX files; `gzipped` when all four are `.gz`.
    case idx(gzipped: Bool)
    /// A numpy `.npz` archive with `x_train`, `y_train`, `x_test`, `y_test`.
    case npz

    public var description: String {
        switch self {
        case .idx(gzipped: true): "IDX (gzipped)"
        case .idx(gzipped: false): "IDX"
        case .npz: ".npz"
        }
    }
}

/// Where a dataset's files are: enough to read them, nothing read yet.
public struct DatasetSource: Sendable, Equatable {
    public let dataset: Dataset
    public let format: DatasetFormat
    /// For IDX the four files in `DatasetPart` order; for `.npz` the one archive.
    public let files: [String]
    /// The SHA-256 the whole file must have (Keras' own `mnist.npz` cache), if any.
    let fileHash: String?

    /// The directory (IDX) or file (`.npz`) to show people.
    public var location: String {
        format == .npz ? files[0] : (files[0] as NSString).deletingLastPathComponent
    }
}

/// One place the loaders looked, in search order, and what was there.
public struct DatasetProbe: Sendable, Equatable {
    public enum Finding: Sendable, Equatable {
        /// The place is not configured (e.g. `LABBOOK_DATASETS` unset); the reason says so.
        case notConfigured(String)
        /// Nothing of this dataset there.
        case missing
        /// Some IDX files but not all four: the ones missing.
        case incomplete(missing: [String])
        case found(DatasetSource)
    }

    /// How the place is named in the search order: `$LABBOOK_DATASETS/mnist`, `~/.keras/datasets`.
    public let place: String
    /// The resolved directory or file, when there is one.
    public let path: String?
    public let finding: Finding

    /// One line for people: `~/.keras/datasets (/root/.keras/datasets/mnist.npz): not there`.
    public var summary: String {
        let where_ = path.map { "\(place) (\($0))" } ?? place
        switch finding {
        case .notConfigured(let reason): return "\(where_): \(reason)"
        case .missing: return "\(where_): not there"
        case .incomplete(let missing): return "\(where_): incomplete, missing \(missing.joined(separator: ", "))"
        case .found(let source): return "\(where_): found, \(source.format)"
        }
    }
}

extension Dataset {
    /// Looks in every place of the search order, without reading any data:
    /// `$LABBOOK_DATASETS/<name>/`, Keras' cache (`~/.keras/datasets/`), Labbook's cache
    /// (`~/.cache/labbook/datasets/<name>/`), then `/usr/share/datasets/<name>/`.
    /// The first probe whose finding is `.found` is where `load` reads from.
    public func search(environment: DatasetEnvironment) -> [DatasetProbe] {
        var probes: [DatasetProbe] = []
        if let root = environment.variables["LABBOOK_DATASETS"], !root.isEmpty {
            probes.append(probeDirectories(place: "$LABBOOK_DATASETS/\(name)", root: root))
        } else {
            probes.append(DatasetProbe(place: "$LABBOOK_DATASETS/\(name)", path: nil,
                                       finding: .notConfigured("LABBOOK_DATASETS is not set")))
        }
        let keras = environment.kerasHome + "/datasets"
        switch self {
        case .mnist:
            let file = keras + "/mnist.npz"
            let finding: DatasetProbe.Finding = isFile(file)
                ? .found(DatasetSource(dataset: self, format: .npz, files: [file], fileHash: kerasDownloads[0].sha256))
                : .missing
            probes.append(DatasetProbe(place: "Keras' cache", path: file, finding: finding))
        case .fashionMNIST:
            let directory = keras + "/fashion-mnist"
            probes.append(DatasetProbe(place: "Keras' cache", path: directory, finding: probe(directory: directory)))
        }
        probes.append(probeDirectories(place: "Labbook's cache", root: environment.labbookCacheDirectory))
        probes.append(probeDirectories(place: "system datasets", root: environment.systemDatasetsDirectory))
        return probes
    }

    /// Probes `root/<each directory name>`, reporting the first that holds something.
    private func probeDirectories(place: String, root: String) -> DatasetProbe {
        var fallback: DatasetProbe?
        for directoryName in directoryNames {
            let directory = root + "/" + directoryName
            let finding = probe(directory: directory)
            let result = DatasetProbe(place: place, path: directory, finding: finding)
            switch finding {
            case .found: return result
            case .incomplete: fallback = fallback ?? result
            case .missing, .notConfigured: fallback = fallback ?? result
            }
        }
        return fallback ?? DatasetProbe(place: place, path: root, finding: .missing)
    }

    /// What one directory holds: four IDX files (each `.gz` or raw), else an `.npz`.
    private func probe(directory: String) -> DatasetProbe.Finding {
        var files: [String] = []
        var missing: [String] = []
        for part in DatasetPart.allCases {
            let gz = directory + "/" + part.idxName + ".gz", raw = directory + "/" + part.idxName
            if isFile(gz) { files.append(gz) } else if isFile(raw) { files.append(raw) } else { missing.append(part.idxName) }
        }
        if missing.isEmpty {
            let gzipped = files.allSatisfy { $0.hasSuffix(".gz") }
            return .found(DatasetSource(dataset: self, format: .idx(gzipped: gzipped), files: files, fileHash: nil))
        }
        for npz in npzNames where isFile(directory + "/" + npz) {
            return .found(DatasetSource(dataset: self, format: .npz, files: [directory + "/" + npz], fileHash: nil))
        }
        return files.isEmpty ? .missing : .incomplete(missing: missing)
    }

    private func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
