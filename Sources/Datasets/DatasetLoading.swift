extension Dataset {
    /// Keras' `load_data()`: `((x_train, y_train), (x_test, y_test))` as uint8 arrays of shapes
    /// `(60000, 28, 28)`, `(60000,)`, `(10000, 28, 28)`, `(10000,)`.
    ///
    /// Searches `$LABBOOK_DATASETS/<name>/`, Keras' cache, Labbook's cache and
    /// `/usr/share/datasets/<name>/` in that order (see `search(environment:)`); if none has
    /// the data, downloads it from Keras' own location into Keras' cache, unless offline.
    /// Canonical-sized data must match the canonical SHA-256, or this throws naming the file.
    ///
    /// ```swift
    /// let ((xTrain, yTrain), (xTest, yTest)) = try Dataset.load(.mnist)
    /// print(Array(yTrain.bytes.prefix(10)))   // [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    /// ```
    public static func load(_ dataset: Dataset, environment: DatasetEnvironment = .process)
        throws(DatasetError) -> ((UInt8Array, UInt8Array), (UInt8Array, UInt8Array))
    {
        try dataset.loadDetailed(environment: environment).arrays
    }

    /// `load`, keeping where the data came from and whether it is verified.
    public func loadDetailed(environment: DatasetEnvironment = .process) throws(DatasetError) -> LoadedDataset {
        let probes = search(environment: environment)
        for probe in probes {
            if case .found(let source) = probe.finding { return try Self.read(source) }
        }
        let source = try download(environment: environment, searched: probes)
        return try Self.read(source)
    }

    /// Reads and checks the files of `source`.
    public static func read(_ source: DatasetSource) throws(DatasetError) -> LoadedDataset {
        let parts: [UInt8Array]
        let names: [String]
        var verifiedByFileHash = false
        switch source.format {
        case .idx:
            names = source.files
            parts = try readIDXParts(source.files)
        case .npz:
            let path = source.files[0]
            let bytes = try DatasetFiles.read(path)
            if let expected = source.fileHash {
                let actual = DatasetFiles.sha256(bytes)
                guard actual == expected else {
                    throw .checksumMismatch(file: path, expected: expected, actual: actual,
                                            advice: "Delete it so that it is downloaded again, or import the data with `labbook datasets import`.")
                }
                verifiedByFileHash = true
            }
            names = DatasetPart.allCases.map { "\(path) (\($0.npzKey))" }
            parts = try NPZArchive.readParts(bytes, file: path)
        }
        try LoadedDataset.validate(parts, names: names)
        let verification = verifiedByFileHash
            ? DatasetVerification.canonical
            : try verify(parts, of: source.dataset, names: names)
        return LoadedDataset(xTrain: parts[0], yTrain: parts[1], xTest: parts[2], yTest: parts[3],
                             source: source, verification: verification)
    }

    /// Canonical-sized arrays must be the canonical data (anything else is corruption);
    /// other sizes (a slice someone imported) load, reported as not canonical.
    static func verify(_ parts: [UInt8Array], of dataset: Dataset, names: [String])
        throws(DatasetError) -> DatasetVerification
    {
        let train = parts[0].count, test = parts[2].count
        guard train == canonicalCounts.train, test == canonicalCounts.test else {
            return .notCanonical("\(train) training and \(test) test samples, not the full \(canonicalCounts.train) + \(canonicalCounts.test)")
        }
        let digests = ConcurrentMap.run(parts) { DatasetFiles.idxSHA256($0) }
        for part in DatasetPart.allCases {
            let expected = dataset.canonicalDigest(part), actual = digests[part.rawValue]
            guard actual == expected else {
                throw .checksumMismatch(file: names[part.rawValue], expected: expected, actual: actual,
                                        advice: "The file is corrupt or holds other data; replace it with the canonical \(part.idxName).")
            }
        }
        return .canonical
    }

    /// Reads the four IDX files (gunzipping as needed), on both cores.
    private static func readIDXParts(_ files: [String]) throws(DatasetError) -> [UInt8Array] {
        let results = ConcurrentMap.run(files) { path in readIDX(path) }
        var parts: [UInt8Array] = []
        for result in results {
            switch result {
            case .success(let array): parts.append(array)
            case .failure(let error): throw error
            }
        }
        return parts
    }

    static func readIDX(_ path: String) -> Result<UInt8Array, DatasetError> {
        let bytes: [UInt8]
        do { bytes = try DatasetFiles.readDecompressed(path) } catch { return .failure(error) }
        do { return .success(try IDXFile.parse(bytes)) } catch { return .failure(.malformed(file: path, reason: error.reason)) }
    }
}
