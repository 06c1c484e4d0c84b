import Foundation
import Testing
@testable import Datasets

@Suite("MNIST from IDX files")
struct DatasetIDXTests {
    @Test(.enabled(if: RealMNIST.datasetsRoot != nil, "\(RealMNIST.skipMessage)"))
    func loadsGzippedIDXLikeKeras() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let loaded = try Dataset.mnist.loadDetailed(environment: sandbox.environment(datasets: RealMNIST.datasetsRoot))
        let ((xTrain, yTrain), (xTest, yTest)) = loaded.arrays
        #expect(xTrain.shape == [60000, 28, 28])
        #expect(yTrain.shape == [60000])
        #expect(xTest.shape == [10000, 28, 28])
        #expect(yTest.shape == [10000])
        // From Keras: y_train[:10], y_test[:10], y_train[-3:], y_test[-3:].
        #expect(Array(yTrain.bytes.prefix(10)) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
        #expect(Array(yTest.bytes.prefix(10)) == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
        #expect(Array(yTrain.bytes.suffix(3)) == [5, 6, 8])
        #expect(Array(yTest.bytes.suffix(3)) == [4, 5, 6])
        // numpy: x_train[0][14] (row 14 of the first "5"), x_test[-1].sum().
        #expect(Array(xTrain[sample: 0][(14 * 28) ..< (15 * 28)]) == Self.firstImageRow14)
        #expect(xTest[sample: 9999].reduce(0) { $0 + Int($1) } == Self.lastTestImageSum)
        #expect(loaded.source.format == .idx(gzipped: true))
        #expect(loaded.verification == .canonical)
    }

    /// The real MNIST's four files decompressed into `FOLDER/mnist/` of the sandbox, each
    /// first passed to `edit`.
    static func writeDecompressedMNIST(in sandbox: DatasetSandbox, folder: String,
                                       edit: (DatasetPart, inout [UInt8]) -> Void = { _, _ in }) throws {
        for part in DatasetPart.allCases {
            var raw = try DatasetFiles.readDecompressed(RealMNIST.directory! + "/" + part.idxName + ".gz")
            edit(part, &raw)
            _ = try sandbox.write(raw, to: folder + "/mnist/" + part.idxName)
        }
    }

    @Test(.enabled(if: RealMNIST.datasetsRoot != nil, "\(RealMNIST.skipMessage)"))
    func loadsUncompressedIDX() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        try Self.writeDecompressedMNIST(in: sandbox, folder: "raw")
        let loaded = try Dataset.mnist.loadDetailed(environment: sandbox.environment(datasets: sandbox.root + "/raw"))
        #expect(loaded.source.format == .idx(gzipped: false))
        #expect(loaded.verification == .canonical)
        #expect(Array(loaded.yTrain.bytes.prefix(10)) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
    }

    @Test(.enabled(if: RealMNIST.datasetsRoot != nil, "\(RealMNIST.skipMessage)"))
    func corruptedCopyFailsItsChecksumNamingTheFile() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        try Self.writeDecompressedMNIST(in: sandbox, folder: "bad") { part, raw in
            if part == .testLabels { raw[500] = raw[500] == 0 ? 1 : 0 }  // still a valid label
        }
        let environment = sandbox.environment(datasets: sandbox.root + "/bad")
        #expect {
            try Dataset.load(.mnist, environment: environment)
        } throws: { error in
            guard case .checksumMismatch(let file, let expected, _, _) = error as? DatasetError else { return false }
            return file.hasSuffix("bad/mnist/t10k-labels-idx1-ubyte")
                && expected == "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
                && "\(error)".contains("t10k-labels-idx1-ubyte: checksum mismatch")
        }
    }

    @Test func idxHeaderMustMatchTheData() throws {
        let good: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 10, 20, 30, 40]
        let array = try IDXFile.parse(good)
        #expect(array.shape == [2, 1, 2])
        #expect(array.bytes == [10, 20, 30, 40])
        #expect(IDXFile.encode(array) == good)
        #expect(throws: CodecFailure.self) { try IDXFile.parse(Array(good.dropLast())) }
        #expect(throws: CodecFailure.self) { try IDXFile.parse([0, 0, 0x0d, 1, 0, 0, 0, 0]) }  // float32
        #expect(throws: CodecFailure.self) { try IDXFile.parse([0x1f, 0x8b, 8, 0]) }
    }

    @Test func truncatedGzipIsAnErrorNamingTheFile() throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        let idx = IDXFile.encode(UInt8Array(shape: [3], bytes: [1, 2, 3])!)
        let gz = try Zlib.deflate(idx, format: .gzip)
        #expect(try Zlib.inflate(gz, format: .gzip) == idx)
        let path = try sandbox.write(Array(gz.prefix(gz.count - 10)), to: "cut.gz")
        #expect {
            _ = try DatasetFiles.readDecompressed(path)
        } throws: { error in
            "\(error)".hasPrefix(path + ": compressed data is truncated")
        }
    }

    static let firstImageRow14: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 81, 240, 253, 253, 119, 25, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    static let lastTestImageSum = 41_833
}
