/// A layer without weights (Dropout, Flatten, Activation): no parameters, and `set_weights`
/// accepts only an empty list, with Keras' message otherwise.
public protocol WeightlessLayer: Layer {}

extension WeightlessLayer {
    public var weights: [Tensor] { [] }
    public func setWeights(_ weights: [Tensor]) throws { try assign(weights, to: [], layer: name) }
    public var parameterCount: Int { 0 }
}
