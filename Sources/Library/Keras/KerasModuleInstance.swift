import CellLanguage

/// An instance of a class that a `keras` module defines (a loss, a metric, a regularizer, a
/// callback, an optimizer, a schedule): `type(x).__name__` is the class name and the repr is
/// Keras 2's, without the address that CPython would print, so outputs stay deterministic.
///
///     keras.losses.Huber()            # <keras.losses.Huber object>
///     keras.regularizers.l2(0.01)     # <keras.regularizers.L2 object>
protocol KerasModuleInstance: HostObject {
    /// Where Keras 2 defines the class, as its repr names it: `keras.losses`.
    static var kerasModule: String { get }
    /// The class's name: `Huber`, `L1L2`, `ModelCheckpoint`.
    var className: String { get }
}

extension KerasModuleInstance {
    var typeName: String { className }
    var repr: String { "<\(Self.kerasModule).\(className) object>" }
}
