import Foundation
import Testing
@testable import Datasets

@Suite("CSV of label + 784 pixels")
struct DatasetCSVTests {
    static func row(_ label: Int, _ pixel: Int) -> String {
        ([label] + [Int](repeating: pixel, count: 784)).map(String.init).joined(separator: ",")
    }

    @Test func headerIsOptionalAndSpacesAroundValuesAreFine() throws {
        let withHeader = "label,1x1\n" + Self.row(3, 7) + "\n\n" + Self.row(9, 255).replacingOccurrences(of: ",", with: ", ")
        let parsed = try DigitsCSV.parse(Array(withHeader.utf8))
        #expect(parsed.labels.bytes == [3, 9])
        #expect(parsed.images.shape == [2, 28, 28])
        #expect(parsed.images[sample: 0] == [UInt8](repeating: 7, count: 784))
        #expect(parsed.images[sample: 1] == [UInt8](repeating: 255, count: 784))
        let bare = try DigitsCSV.parse(Array((Self.row(1, 0) + "\r\n").utf8))
        #expect(bare.labels.bytes == [1])
    }

    @Test func errorsNameTheLine() {
        let runTogether = Self.row(1, 0) + "\n" + "2 3," + Self.row(0, 0).dropFirst(2)
        #expect(throws: CodecFailure(reason: "line 2: a value is not a whole number")) {
            try DigitsCSV.parse(Array(runTogether.utf8))
        }
        #expect(throws: CodecFailure(reason: "line 1: pixel 256 is above 255")) {
            try DigitsCSV.parse(Array(Self.row(1, 256).utf8))
        }
        #expect(throws: CodecFailure(reason: "no samples (expected lines of a label and 784 pixels)")) {
            try DigitsCSV.parse(Array("label,pixel\n".utf8))
        }
    }
}
