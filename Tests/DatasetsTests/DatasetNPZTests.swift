import Foundation
import Testing
@testable import Datasets

@Suite("Datasets from .npz archives")
struct DatasetNPZTests {
    @Test(arguments: ["stored", "deflated"])
    func readsNumpyWrittenNPZ(kind: String) throws {
        let sandbox = try DatasetSandbox()
        defer { sandbox.remove() }
        _ = try sandbox.write(kind == "stored" ? NPZFixtures.stored : NPZFixtures.deflated, to: "data/mnist/mnist.npz")
        let loaded = try Dataset.mnist.loadDetailed(environment: sandbox.environment(datasets: sandbox.root + "/data"))
        #expect(loaded.source.format == .npz)
        #expect(loaded.xTrain.shape == [2, 28, 28])
        #expect(loaded.yTrain.shape == [2])
        #expect(loaded.xTest.shape == [1, 28, 28])
        #expect(loaded.yTest.shape == [1])
        #expect(loaded.yTrain.bytes == [5, 0])
        #expect(loaded.yTest.bytes == [7])
        // The values numpy reports for the arrays that made the fixture.
        #expect(loaded.xTrain.bytes.reduce(0) { $0 + Int($1) } == 199_312)
        #expect(loaded.xTest.bytes.reduce(0) { $0 + Int($1) } == 98_280)
        #expect(Array(loaded.xTrain[sample: 1][(27 * 28 + 20) ..< (28 * 28)]) == [168, 175, 182, 189, 196, 203, 210, 217])
        #expect(loaded.verification == .notCanonical("2 training and 1 test samples, not the full 60000 + 10000"))
    }

    @Test func npzMissingAnArrayNamesWhatItHas() throws {
        // Rebuild the stored fixture with one member renamed: x_test.npy -> x_tst_.npy (same length).
        var bytes = NPZFixtures.stored
        let name = Array("x_test.npy".utf8), renamed = Array("x_tst_.npy".utf8)
        var i = 0
        while i + name.count <= bytes.count {
            if Array(bytes[i ..< i + name.count]) == name { bytes.replaceSubrange(i ..< i + name.count, with: renamed) }
            i += 1
        }
        #expect {
            _ = try NPZArchive.readParts(bytes, file: "odd.npz")
        } throws: { error in
            "\(error)" == "odd.npz: no array x_test in the .npz (it has: x_train, y_train, x_tst_, y_test); expected x_train, y_train, x_test, y_test"
        }
    }

    @Test func npzWithACorruptMemberFailsItsCRC() throws {
        var bytes = NPZFixtures.stored
        bytes[200] ^= 0xff  // inside x_train's pixels
        #expect {
            _ = try NPZArchive.readParts(bytes, file: "bad.npz")
        } throws: { error in
            "\(error)" == "bad.npz (x_train): zip member x_train.npy fails its CRC-32 check"
        }
    }

    @Test func npyHeadersOfOtherDtypesAreRejectedClearly() throws {
        func npy(_ header: String, _ data: [UInt8]) -> [UInt8] {
            var text = Array(header.utf8)
            while (10 + text.count + 1) % 64 != 0 { text.append(0x20) }
            text.append(0x0a)
            return [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, UInt8(text.count & 0xff), UInt8(text.count >> 8)] + text + data
        }
        let floats = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", [0, 0, 0x80, 0x3f])
        #expect(throws: CodecFailure(reason: ".npy dtype <f4 is not an integer type")) { try NPYFile.parse(floats) }
        let big = npy("{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }", [3, 0, 0x2c, 0x01])
        #expect(throws: CodecFailure(reason: ".npy <i2 element 1 is 300, which does not fit in uint8")) { try NPYFile.parse(big) }
        let ok = npy("{'descr': '>u2', 'fortran_order': False, 'shape': (2,), }", [0, 3, 0, 255])
        #expect(try NPYFile.parse(ok).bytes == [3, 255])
    }
}
