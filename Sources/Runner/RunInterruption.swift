import CellLanguage
import Foundation

/// Ctrl-C for a run, as a Jupyter user expects it. While the cells run, an interrupt stops
/// the running cell with `KeyboardInterrupt` at its next check (as a timeout does; between
/// two cells, the next one stops at its first check), and the run ends after that cell, its
/// reports written with the traceback in place (exit 130). Outside the cells (loading,
/// writing the reports), or when a cell was asked to stop already, `interrupt()` returns
/// false and the caller ends the process at once: every file is replaced atomically, so
/// each stays old or new.
///
///     let runner = NotebookRunner(config)
///     // on SIGINT, from any thread:
///     if !runner.interruption.interrupt() { /* end the process now */ }
public final class RunInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var session: Session?
    private var requested = false

    public init() {}

    /// Asks the cells to stop. Returns false when no cells are running or they have been
    /// asked already: then nothing graceful is left to do.
    public func interrupt() -> Bool {
        lock.withLock {
            guard let session, !requested else { return false }
            requested = true
            session.interrupt()
            return true
        }
    }

    /// Whether an interrupt was asked for (the run stops after the current cell).
    var wasRequested: Bool {
        lock.withLock { requested }
    }

    /// The cells of `session` start running: interrupts go to it until `cellsEnded()`.
    func cellsStarted(in session: Session) {
        lock.withLock { self.session = session }
    }

    func cellsEnded() {
        lock.withLock { session = nil }
    }
}
