import ArgumentParser
import Foundation
import Runner

/// The only place that writes to the terminal: progress lines, live status and errors, all
/// on stderr (stdout stays free for piping).
final class Terminal: Sendable {
    let quiet: Bool
    let isTTY: Bool
    /// `--explain`: print why each cell ran or came from the cache.
    let explain: Bool

    init(quiet: Bool, explain: Bool = false) {
        self.quiet = quiet
        self.explain = explain
        self.isTTY = isatty(STDERR_FILENO) != 0
    }

    var events: RunEvents {
        var events = RunEvents()
        let quiet = self.quiet
        let isTTY = self.isTTY
        events.cellStarted = { progress in
            guard !quiet, isTTY else { return }
            Terminal.write("\(Terminal.label(progress)) ...\r")
        }
        events.cellFinished = { progress, completion in
            if let location = completion.errorLocation {
                Terminal.write((isTTY ? "\u{1B}[2K" : "") + location + (completion.errorExpected ? " (expected)" : "") + "\n")
            }
            guard !quiet else { return }
            let how = completion.skipped ? "skipped"
                : String(format: "%.2fs", completion.seconds) + (completion.cached ? " (cached)" : "")
            Terminal.write((isTTY ? "\u{1B}[2K" : "") + "\(Terminal.label(progress)) ... \(how)\n")
        }
        events.liveStatus = { status in
            guard !quiet, isTTY else { return }
            // Clipped to the terminal's width: a wrapped status line could not be erased.
            Terminal.write("\u{1B}[2K" + (status.map { String($0.prefix(Terminal.columns() - 1)) + "\r" } ?? ""))
        }
        events.warning = { message in Terminal.write(message + "\n") }
        let explain = self.explain
        events.explanation = { line in
            guard explain else { return }
            Terminal.write((isTTY ? "\u{1B}[2K" : "") + line + "\n")
        }
        return events
    }

    func finish(result: RunResult, config: RunConfiguration) {
        guard !quiet else { return }
        let written = [config.markdownOutput, config.htmlOutput].compactMap { $0 }
        let cached = result.cells.filter(\.cached).count
        let ran = result.cells.count - cached
        Terminal.write(String(format: "ran %d of %d cells", ran, result.notebook.cells.count)
            + (cached > 0 ? " (\(cached) from the cache)" : "")
            + String(format: " in %.1fs", result.totalSeconds)
            + (result.interrupted ? " (interrupted)" : "")
            + (written.isEmpty ? "" : "; wrote " + written.joined(separator: ", ")) + "\n")
    }

    /// A line about what the tool itself is doing (`watch`'s "watching ..."); silent with --quiet.
    func note(_ message: String) {
        guard !quiet else { return }
        Terminal.write(message + "\n")
    }

    func error(_ message: String) {
        Terminal.write("labbook: error: \(message)\n")
    }

    /// Prints `message` as an error and returns the exit status for input Labbook refuses (a
    /// bad notebook, option or file), 2, to throw: `throw terminal.refuse(error.message)`.
    func refuse(_ message: String) -> ExitCode {
        error(message)
        return ExitCode(2)
    }

    static func label(_ progress: CellProgress) -> String {
        let name = progress.id.map { "cell '\($0)' (line \(progress.line))" } ?? "line \(progress.line)"
        return "[\(progress.number)/\(progress.total)] \(name)"
    }

    /// The terminal's width in columns (80 when it cannot be read).
    static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
