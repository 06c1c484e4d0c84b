import Foundation
import TestSupport
import Testing
@testable import NotebookFormat

/// The renderings every round-trip fixture is written with, varied by cell index: plain
/// text, an error, nothing, text with backtick fences inside plus a figure, figures only.
func sampleRendering(_ index: Int, fileStem: String) -> CellRendering? {
    switch index % 5 {
    case 0: return CellRendering(text: "cell \(index)\n")
    case 1:
        return CellRendering(
            text: "printed first\nTraceback (most recent call last):\n  Cell In[\(index + 1)], line 1\nNameError: name 'x' is not defined\n",
            isError: true)
    case 2: return nil
    case 3:
        return CellRendering(
            text: "```\nfenced = \(index)\n````\n   ```` indented run\n\nlast line without newline",
            images: ["\(fileStem)_files/cell-\(index)-1.svg"])
    default:
        return CellRendering(text: "", images: ["\(fileStem)_files/cell-\(index)-1.svg", "\(fileStem)_files/cell \(index) (2).svg"])
    }
}

/// What a re-parse should find as previous output for a rendering: text always ends with
/// a newline, no block for nil/empty.
func expectedPreviousOutput(_ rendering: CellRendering?) -> CellRendering? {
    guard let rendering, !rendering.isEmpty else { return nil }
    var text = rendering.text
    if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
    return CellRendering(text: text, isError: text.isEmpty ? false : rendering.isError, images: rendering.images)
}

@Suite struct RoundTripTests {
    static let names = Fixtures.names(in: "roundtrip")

    @Test func corpusHasAtLeastFifteenNotebooks() {
        #expect(Self.names.count >= 15)
    }

    /// Every fixture is written five times, shifting which cell gets which kind of
    /// rendering, so that every cell is written with each kind.
    @Test(arguments: names, 0..<5)
    func roundTrip(_ name: String, shift: Int) throws {
        let original = try #require(Fixtures.text("roundtrip", name))
        let notebook = try Notebook.parse(text: original, path: name)
        let stem = String(name.dropLast(3))
        let renderings = notebook.cells.map { sampleRendering($0.index + shift, fileStem: stem) }
        let written = notebook.executedMarkdown(renderings)

        // Idempotent: re-parse and write again with the same renderings.
        let reparsed = try Notebook.parse(text: written, path: name)
        #expect(reparsed.executedMarkdown(renderings) == written)

        // Same cells, same sources, and the outputs just written are found again.
        #expect(reparsed.cells.map(\.source) == notebook.cells.map(\.source))
        #expect(reparsed.cells.map(\.infoString) == notebook.cells.map(\.infoString))
        #expect(reparsed.cells.map(\.id) == notebook.cells.map(\.id))
        #expect(reparsed.cells.map(\.previousOutput) == renderings.map(expectedPreviousOutput))

        // Cleaning gives back the un-executed source. The one allowed difference: a
        // notebook whose last cell ends the file without a newline gets one when a block
        // is appended after it.
        let endsWithNewline = original.utf8.last == UInt8(ascii: "\n") || original.utf8.last == UInt8(ascii: "\r")
        let appendedAtEnd = !endsWithNewline
            && notebook.cells.last.map { $0.lastLine == SourceText(original).lines.count } == true
            && renderings.last.map { $0?.isEmpty == false } == true
        let cleanOriginal = notebook.cleaned()
        #expect(reparsed.cleaned() == cleanOriginal + (appendedAtEnd ? notebook.lineEnding : ""))
        if notebook.cells.allSatisfy({ $0.previousOutput == nil }) {
            #expect(cleanOriginal == original)
        }
        // Cleaning is a fixed point, and a cleaned notebook has no previous outputs.
        let clean = try Notebook.parse(text: cleanOriginal, path: name)
        #expect(clean.cleaned() == cleanOriginal)
        #expect(clean.cells.allSatisfy { $0.previousOutput == nil })

        // Writing nothing for every cell is cleaning.
        #expect(reparsed.executedMarkdown(Array(repeating: nil, count: renderings.count)) == reparsed.cleaned())

        // Golden files, where one exists (re-record with LABBOOK_RECORD=1; LABBOOK_DUMP=DIR
        // writes every result to DIR for reading).
        guard shift == 0 else { return }
        if let dump = ProcessInfo.processInfo.environment["LABBOOK_DUMP"] {
            FileManager.default.createFile(atPath: dump + "/" + name, contents: Data(written.utf8))
        }
        let golden = GoldenFile(beside: #filePath, "Golden/roundtrip")
        if golden.expected(name) != nil { try golden.check(written, named: name) }
    }
}
