import CellLanguage
import NeuralEngine

/// `keras.layers.Conv2DTranspose` with Keras 2's
/// signature and name prefix (`conv2d_transpose_1`); the engine's `TransposedConvolution`.
/// What the engine does not implement (`output_padding`, dilation, `channels_first`, bias
/// initializers other than zeros) is refused with a `ValueError` naming it.
enum TransposedConvolutionConstructor {
    /// `Conv2DTranspose(filters, kernel_size, strides=(1, 1), padding='valid', output_padding=None,
    /// data_format=None, dilation_rate=(1, 1), activation=None, use_bias=True, ...)`.
    static func attribute(state: LibraryState) -> (String, Value) {
        let one: Value = .tuple([.int(1), .int(1)])
        let make = LayerConstructors.constructor("Conv2DTranspose", [
            "filters", "kernel_size", .init("strides", default: one), .init("padding", default: .str("valid")),
            .init("output_padding", default: .none), .init("data_format", default: .none),
            .init("dilation_rate", default: one), .init("activation", default: .none), .init("use_bias", default: .bool(true)),
            .init("kernel_initializer", default: .str("glorot_uniform")), .init("bias_initializer", default: .str("zeros")),
            .init("kernel_regularizer", default: .none), .init("bias_regularizer", default: .none),
            .init("activity_regularizer", default: .none), .init("kernel_constraint", default: .none),
            .init("bias_constraint", default: .none),
        ], state: state) { a, shape, name in
            try SpatialLayerConstructors.channelsLast(a["data_format"], "Conv2DTranspose")
            guard a["output_padding"].isNone,
                  try SpatialLayerConstructors.integers(a["dilation_rate"], "dilation_rate", rank: 2).allSatisfy({ $0 == 1 }) else {
                throw PyException(.valueError, "Conv2DTranspose(output_padding=, dilation_rate=) are not supported by Labbook's engine")
            }
            guard case .str("zeros") = a["bias_initializer"] else {
                throw PyException(.valueError, "Conv2DTranspose(bias_initializer=...): Labbook supports only 'zeros'")
            }
            guard let filters = a["filters"].asInt else {
                throw PyException(.typeError, "`filters` must be an integer, got \(Convert.describe(a["filters"]))")
            }
            let layer = try TransposedConvolution(
                filters: filters, kernelSize: try SpatialLayerConstructors.integers(a["kernel_size"], "kernel_size", rank: 2),
                strides: try SpatialLayerConstructors.integers(a["strides"], "strides", rank: 2),
                padding: try SpatialLayerConstructors.padding(a["padding"]),
                activation: try Identifiers.activation(a["activation"]), useBias: a["use_bias"].isTruthy,
                kernelInitializer: try Identifiers.initializer(a["kernel_initializer"]),
                inputShape: shape, name: try name("conv2d_transpose"))
            layer.regularizers = try RegularizerObject.weightRegularizers(a, "Conv2DTranspose")
            return layer
        }
        return ("Conv2DTranspose", make)
    }
}
