import Foundation
import Testing
import TestSupport
@testable import Runner

/// The cache grows linearly with a notebook: each cell's entry holds that cell's outputs and
/// the state after it, never the sources of every cell before it (which made 5,000 cells
/// leave 289 MB). Asserted on bytes, not time.
@Suite struct CacheScalingTests {
    /// A notebook of `count` small cells whose state stays the same size throughout.
    static func notebook(cells count: Int) -> String {
        var text = "```python\nx = 0\n```\n\n"
        for i in 1..<count {
            text += "```python\n# cell \(i): a comment long enough to weigh more than a blob hash does\nx = x + 1\n```\n\n"
        }
        return text + "```python\nprint(x)\n```\n"
    }

    /// Apparent bytes of every file under the notebook's cache.
    static func cacheBytes(_ notebook: CachedNotebook) -> Int {
        let root = URL(fileURLWithPath: notebook.cacheDirectory)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey])
        var total = 0
        while let url = files?.nextObject() as? URL {
            total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }

    @Test func cacheBytesPerCellDoNotGrowWithTheNotebook() throws {
        var perCell: [Int: Double] = [:]
        for count in [100, 400] {
            let notebook = try CachedNotebook(Self.notebook(cells: count))
            let run = try notebook.run()
            #expect(run.markdown.contains("\(count - 1)\n"))
            perCell[count] = Double(Self.cacheBytes(notebook)) / Double(count)
        }
        let small = try #require(perCell[100]), large = try #require(perCell[400])
        // Linear: the same bytes per cell at both sizes. Every prefix of sources per entry
        // made the 400-cell notebook cost about 4x as much per cell.
        #expect(large < small * 1.2, "bytes per cell: \(small) for 100 cells, \(large) for 400")
    }

    @Test func aTracebackThroughACachedFunctionStillShowsItsCell() throws {
        let cells = ["def fail(x):\n    # the line above the raise\n    raise ValueError(f'bad {x}')"]
            + (1...30).map { "y\($0 % 3) = \($0)" } + ["#| error: true\nfail(1)"]
        func text(_ cells: [String]) -> String { cells.map { "```python\n\($0)\n```\n\n" }.joined() }
        let notebook = try CachedNotebook(text(cells))
        let first = try notebook.run()
        try notebook.write(text(cells.dropLast() + ["#| error: true\nfail(2)"]))
        let second = try notebook.run()
        #expect(second.ran == [cells.count - 1])
        #expect(second.markdown.contains("----> 3     raise ValueError(f'bad {x}')"), "\(second.markdown)")
        #expect(second.markdown.contains("ValueError: bad 2"))
        #expect(first.markdown.replacingOccurrences(of: "bad 1", with: "bad 2").replacingOccurrences(of: "fail(1)", with: "fail(2)")
                == second.markdown)
    }
}
