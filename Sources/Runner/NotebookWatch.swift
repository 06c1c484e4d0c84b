import Foundation
import NotebookFormat

/// Decides when `labbook watch` runs a notebook again: when its text, outputs aside, has
/// changed since the last run and has held still for one poll (an editor may be half-way
/// through writing it). Output blocks are set aside because reading ignores them, so a run
/// that writes its outputs back into the notebook (`--in-place`) does not trigger another.
///
/// ```swift
/// var changes = NotebookChanges(ran: text)
/// changes.poll(edited)   // false: changed, waiting to see it hold still
/// changes.poll(edited)   // true: run now (then `ran(edited)`)
/// ```
public struct NotebookChanges: Sendable {
    private var lastRun: String?
    private var pending: String?
    /// The last text looked at and its source: an unchanged file is not parsed again at
    /// every poll.
    private var seen: (text: String, source: String)?

    /// `ran`: the notebook text the first run used (`nil` if it could not be read).
    public init(ran text: String?) {
        ran(text)
    }

    /// Whether to run now, given the notebook's current text (`nil` when it cannot be read,
    /// e.g. while an editor replaces the file).
    public mutating func poll(_ text: String?) -> Bool {
        guard let text else {
            pending = nil
            return false
        }
        let source = self.source(text)
        if source == lastRun {
            pending = nil
            return false
        }
        if source == pending { return true }
        pending = source
        return false
    }

    /// Records that a run used `text`.
    public mutating func ran(_ text: String?) {
        lastRun = text.map { source($0) }
        pending = nil
    }

    private mutating func source(_ text: String) -> String {
        if let seen, seen.text == text { return seen.source }
        let source = Self.source(text)
        seen = (text, source)
        return source
    }

    /// The text without output blocks; a notebook that does not parse compares as written,
    /// so fixing it (or breaking it differently) is a change.
    static func source(_ text: String) -> String {
        (try? Notebook.parse(text: text, path: "").cleaned()) ?? text
    }
}

/// `labbook watch`: runs the notebook, then again after every change (see `NotebookChanges`),
/// until the process is stopped. Each run is an ordinary incremental run, so only the edited
/// cell and those below it execute.
public struct NotebookWatcher {
    public let path: String
    /// Seconds between two looks at the file.
    public var interval: Double

    public init(path: String, interval: Double = 0.25) {
        self.path = path
        self.interval = interval
    }

    /// Calls `run` once, then whenever the notebook changed; `watching` after each run.
    /// Returns when `shouldStop` says so (checked every poll).
    public func watch(run: () -> Void, watching: () -> Void, shouldStop: () -> Bool = { false }) {
        var text = read()
        run()
        var changes = NotebookChanges(ran: text)
        watching()
        while !shouldStop() {
            Thread.sleep(forTimeInterval: interval)
            text = read()
            if changes.poll(text) {
                run()
                changes.ran(text)
                watching()
            }
        }
    }

    private func read() -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
