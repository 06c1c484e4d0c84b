import Foundation
@testable import Datasets

/// A scratch home directory and an offline environment that points nowhere real.
struct DatasetSandbox {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "labbook-dataset-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    var home: String { root + "/home" }

    /// Offline, home inside the sandbox, no system datasets unless `system` is given.
    func environment(datasets: String? = nil, system: String? = nil) -> DatasetEnvironment {
        var variables = ["LABBOOK_OFFLINE": "1"]
        if let datasets { variables["LABBOOK_DATASETS"] = datasets }
        return DatasetEnvironment(homeDirectory: home, variables: variables,
                                  systemDatasetsDirectory: system ?? root + "/usr-share-datasets")
    }

    func write(_ bytes: [UInt8], to relativePath: String) throws -> String {
        let path = root + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// The real MNIST files, from `$LABBOOK_DATASETS/mnist` (scripts/test.sh sets it to ../shared/data).
enum RealMNIST {
    static var datasetsRoot: String? {
        guard let root = ProcessInfo.processInfo.environment["LABBOOK_DATASETS"], !root.isEmpty,
              FileManager.default.fileExists(atPath: root + "/mnist/train-images-idx3-ubyte.gz")
        else { return nil }
        return root
    }

    static var directory: String? { datasetsRoot.map { $0 + "/mnist" } }

    static let skipMessage = "LABBOOK_DATASETS is unset or has no mnist/ (scripts/test.sh sets it to ../shared/data)"
}

let fashionMNISTDirectory = "/usr/share/datasets/fashion-mnist"
let hasFashionMNIST = FileManager.default.fileExists(atPath: fashionMNISTDirectory + "/train-images-idx3-ubyte.gz")

extension DatasetSandbox {
    /// Writes a small (non-canonical) dataset as four gzipped IDX files into `directory`:
    /// `n` training images filled with `fill`, labels all `label`, and one test sample.
    @discardableResult
    func writeIDXSet(into directory: String, train n: Int = 2, label: UInt8, fill: UInt8 = 0) throws -> String {
        let arrays = [
            UInt8Array(shape: [n, 28, 28], bytes: [UInt8](repeating: fill, count: n * 784))!,
            UInt8Array(shape: [n], bytes: [UInt8](repeating: label, count: n))!,
            UInt8Array(shape: [1, 28, 28], bytes: [UInt8](repeating: fill, count: 784))!,
            UInt8Array(shape: [1], bytes: [label])!,
        ]
        for part in DatasetPart.allCases {
            let gz = try Zlib.deflate(IDXFile.encode(arrays[part.rawValue]), format: .gzip)
            _ = try write(gz, to: directory + "/" + part.idxName + ".gz")
        }
        return root + "/" + directory
    }
}
