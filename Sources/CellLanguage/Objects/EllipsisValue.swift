/// Python's `Ellipsis`, the value of `...`: one object (`... is Ellipsis`), printed
/// `Ellipsis`, of type `ellipsis`. Cells meet it in NumPy indices (`x[..., None]`, `x[0, ...]`)
/// and as a placeholder body (`def f(): ...`).
public final class EllipsisValue: HostObject, @unchecked Sendable {
    /// The one `Ellipsis`; the parser's `...` constants and the builtin name share it.
    public static let shared = EllipsisValue()

    private init() {}

    public var typeName: String { "ellipsis" }
    public var repr: String { "Ellipsis" }
}

extension Value {
    /// Whether this is `Ellipsis` (`...`).
    public var isEllipsis: Bool {
        if case .host(let h) = self { return h === EllipsisValue.shared }
        return false
    }
}
