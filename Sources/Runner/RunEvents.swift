/// What the runner reports while it works. The command line turns these into stderr lines;
/// nothing of them reaches a report.
public struct RunEvents: Sendable {
    /// A cell is about to run: its position, its total, its notebook line, its id.
    public var cellStarted: @Sendable (CellProgress) -> Void = { _ in }
    /// A cell has finished (or failed) after `seconds`.
    public var cellFinished: @Sendable (CellProgress, CellCompletion) -> Void = { _, _ in }
    /// A transient status line (a live progress bar) or `nil` to erase it.
    public var liveStatus: @Sendable (String?) -> Void = { _ in }
    /// A warning about the notebook (an unknown cell option, ...), already located: `nb.md:12: ...`.
    public var warning: @Sendable (String) -> Void = { _ in }
    /// Why a cell ran or came from the cache, for `--explain`: `[3/12] line 45: cached`.
    public var explanation: @Sendable (String) -> Void = { _ in }

    public init() {}
}

/// Where a cell sits, for progress lines: `[3/12] cell 'train' (line 45)`.
public struct CellProgress: Sendable {
    public var number: Int
    public var total: Int
    public var line: Int
    public var id: String?
}

/// How a cell ended.
public struct CellCompletion: Sendable {
    public var seconds: Double
    public var cached: Bool
    public var skipped: Bool
    /// `nb.md:45: NameError: name 'x' is not defined`, for a cell that failed.
    public var errorLocation: String?
    /// The cell was marked `#| error: true`, so its error is expected.
    public var errorExpected: Bool
}
