/// What a convolution layer is given, checked as Keras checks it: `Conv1D`, `Conv2D` and
/// `Conv2DTranspose` take the same arguments (`Convolution`, `TransposedConvolution`).
public struct ConvolutionSettings: Equatable, Sendable {
    /// The output channels.
    public let filters: Int
    /// One extent per spatial axis, as given (`[3, 3]`, or `[5]` for Conv1D).
    public let kernelSize: [Int]
    /// The step between windows along each spatial axis.
    public let strides: [Int]
    /// `valid` (windows inside the input) or `same`.
    public let padding: Padding
    /// Applied to the product plus bias.
    public let activation: Activation
    /// Whether a bias per filter is added.
    public let useBias: Bool
    /// How the kernel is drawn at build time.
    public let kernelInitializer: Initializer

    /// Throws Keras' errors for a non-positive `filters` and for a `kernelSize` or `strides`
    /// that is not `rank` positive extents.
    init(
        rank: Int, filters: Int, kernelSize: [Int], strides: [Int], padding: Padding, activation: Activation,
        useBias: Bool, kernelInitializer: Initializer
    ) throws {
        guard filters > 0 else {
            throw KerasError(.valueError, "Invalid value for argument `filters`. Expected a strictly positive value. Received filters=\(filters).")
        }
        guard kernelSize.count == rank, kernelSize.allSatisfy({ $0 > 0 }) else {
            throw KerasError(.valueError, "The `kernel_size` argument must be a tuple of \(rank) integers. Received: \(kernelSize)")
        }
        guard strides.count == rank, strides.allSatisfy({ $0 > 0 }) else {
            throw KerasError(.valueError, "The `strides` argument must be a tuple of \(rank) integers. Received: \(strides)")
        }
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
    }
}
