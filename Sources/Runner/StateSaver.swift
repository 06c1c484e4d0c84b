import CellLanguage
import NotebookCache
import NotebookFormat

/// Stores each cell's result and the session state after it, for as long as the run can:
/// a value that cannot be saved, a `cache: false` cell, an interrupted cell, a cell that
/// failed unexpectedly or a write error stops the storing for the rest of the run (the cells
/// after it would need a state the cache does not have). A note on stderr says why, except
/// for a failed cell, whose error is reported already; nothing is ever stored wrongly.
struct StateSaver {
    let cache: CacheRun?
    let notebook: Notebook
    let events: RunEvents
    /// The state of a reused cell, to restore before the next cell that runs.
    var pending: StateSnapshot?
    private var active: Bool

    init(cache: CacheRun?, notebook: Notebook, events: RunEvents) {
        self.cache = cache
        self.notebook = notebook
        self.events = events
        active = cache != nil
    }

    /// After a cell that ran.
    mutating func save(after cell: Cell, outcome: CellOutcome, seconds: Double, session: Session) {
        guard active, let cache else { return }
        guard cell.options.cache else {
            active = false
            return
        }
        if let error = outcome.error, error.typeName == "TimeoutError" || error.typeName == "KeyboardInterrupt" {
            stop(after: cell, because: "it was stopped by \(error.typeName), so its result depends on timing")
            return
        }
        if outcome.error != nil && !cell.options.error {
            // Not stored, so the next run tries it again: the cause may lie outside the notebook
            // (a dataset not there yet, a file), where the cell's key cannot see it. A cell that
            // expects its error (`#| error: true`) is stored like any other.
            active = false
            return
        }
        do {
            let snapshot = try cache.capture(session)
            try cache.store(index: cell.index, outputs: outcome.outputs, failed: outcome.error != nil,
                            seconds: seconds, snapshot: snapshot)
        } catch {
            fail(after: cell, error)
        }
    }

    /// After an `eval: false` cell: the state is unchanged, so the entry carries the
    /// previous state (the pending one, if not restored yet).
    mutating func keepState(after cell: Cell, session: Session) {
        guard active, let cache else { return }
        guard cell.options.cache else {
            active = false
            return
        }
        do {
            let snapshot = try pending ?? cache.capture(session)
            try cache.store(index: cell.index, outputs: [], failed: false, seconds: 0, snapshot: snapshot)
        } catch {
            fail(after: cell, error)
        }
    }

    private mutating func fail(after cell: Cell, _ error: Error) {
        if let snapshotError = error as? SnapshotError {
            stop(after: cell, because: snapshotError.description)
        } else {
            events.warning("\(notebook.path):\(cell.fenceLine): warning: cannot write the cache: \(error)")
            active = false
        }
    }

    private mutating func stop(after cell: Cell, because reason: String) {
        events.warning("\(notebook.path):\(cell.fenceLine): note: not cached after this cell: \(reason)")
        active = false
    }
}
