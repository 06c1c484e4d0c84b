import Foundation
import Testing
@testable import Runner

// `labbook watch`: when a run starts again (NotebookChanges). The real binary re-running a
// notebook as it is edited is in EndToEndTests/WatchBinaryTests.swift.

/// `NotebookChanges` behind a reference, so `#expect` can call its mutating `poll`.
private final class Changes {
    var changes: NotebookChanges
    init(ran text: String?) { changes = NotebookChanges(ran: text) }
    func poll(_ text: String?) -> Bool { changes.poll(text) }
    func ran(_ text: String?) { changes.ran(text) }
}

private let notebook = "# W\n\n```python\nx = 2\nprint(x)\n```\n\n```python\nprint(x * 10)\n```\n"

@Test func aChangeRunsOnceItHoldsStill() {
    let changes = Changes(ran: notebook)
    #expect(!changes.poll(notebook))
    let edited = notebook.replacingOccurrences(of: "x = 2", with: "x = 3")
    #expect(!changes.poll(edited))  // just changed: the editor may still be writing
    #expect(changes.poll(edited))   // the same text a poll later: run
    changes.ran(edited)
    #expect(!changes.poll(edited))
    // A change that does not hold still waits for the next text.
    let first = edited + "\nmore prose\n", second = edited + "\nmore prose, longer\n"
    #expect(!changes.poll(first))
    #expect(!changes.poll(second))
    #expect(changes.poll(second))
}

@Test func outputBlocksAndUnreadableFilesAreNotChanges() {
    let changes = Changes(ran: notebook)
    // What `--in-place` writes back: the same notebook with its outputs.
    let executed = notebook.replacingOccurrences(of: "print(x)\n```\n", with: "print(x)\n```\n\n```output\n2\n```\n")
    #expect(executed != notebook)
    #expect(!changes.poll(executed))
    #expect(!changes.poll(executed))
    // The file missing for a moment (an editor replacing it) is no reason to run.
    #expect(!changes.poll(nil))
    #expect(!changes.poll(nil))
    #expect(!changes.poll(notebook))
}

@Test func aNotebookThatDoesNotParseIsComparedAsWritten() {
    let broken = notebook + "\n```python\nprint(1)\n"  // unterminated fence
    let changes = Changes(ran: notebook)
    #expect(!changes.poll(broken))
    #expect(changes.poll(broken))  // run it, so the error is reported
    changes.ran(broken)
    let brokenDifferently = broken + "print(2)\n"
    #expect(!changes.poll(brokenDifferently))
    #expect(changes.poll(brokenDifferently))
}
