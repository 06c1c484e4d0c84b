extension Dataset {
    /// Downloads the dataset from Keras' own location into Keras' cache (`~/.keras/datasets/`),
    /// each file checked against the SHA-256 Keras checks and renamed into place only then.
    /// Throws `.notFound` (listing `searched`) when offline, without a downloader, or failing.
    func download(environment: DatasetEnvironment, searched: [DatasetProbe]) throws(DatasetError) -> DatasetSource {
        let files = kerasDownloads
        guard !environment.isOffline else {
            throw .notFound(self, searched: searched, download: "not tried (LABBOOK_OFFLINE=\(environment.variables["LABBOOK_OFFLINE"] ?? "1"))")
        }
        guard let downloader = environment.downloader else {
            throw .notFound(self, searched: searched, download: "not tried (no downloader)")
        }
        var paths: [String] = []
        for file in files {
            let path = environment.kerasHome + "/" + file.cachePath
            let bytes: [UInt8]
            do {
                bytes = try downloader(file.url)
            } catch {
                throw .notFound(self, searched: searched, download: "\(file.url) failed: \(error)")
            }
            let actual = DatasetFiles.sha256(bytes)
            guard actual == file.sha256 else {
                throw .notFound(self, searched: searched,
                                download: "\(file.url) returned data with sha-256 \(actual), expected \(file.sha256); nothing was saved")
            }
            try DatasetFiles.writeAtomically(bytes, to: path)
            paths.append(path)
        }
        switch self {
        case .mnist:
            return DatasetSource(dataset: self, format: .npz, files: paths, fileHash: files[0].sha256)
        case .fashionMNIST:
            // Keras downloads labels before images; reorder to DatasetPart order by name.
            let ordered = DatasetPart.allCases.compactMap { part in paths.first { $0.hasSuffix("/" + part.idxName + ".gz") } }
            return DatasetSource(dataset: self, format: .idx(gzipped: true), files: ordered, fileHash: nil)
        }
    }
}
