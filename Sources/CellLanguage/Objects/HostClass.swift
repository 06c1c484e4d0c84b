/// A host object that stands for a Python class rather than an instance: a namedtuple type,
/// `keras.layers.Dense`, `np.float32`. `type(x)` is `type`, and its repr names the module
/// and class as CPython prints a class:
///
///     final class ChainType: HostClass {
///         var qualifiedName: String { "itertools.chain" }
///     }
///     // repr: <class 'itertools.chain'>
public protocol HostClass: HostObject {
    /// The module and the class's name, dotted: `keras.layers.Dense`, `__main__.Point`.
    var qualifiedName: String { get }
}

extension HostClass {
    public var typeName: String { "type" }
    public var repr: String { "<class '\(qualifiedName)'>" }
}
