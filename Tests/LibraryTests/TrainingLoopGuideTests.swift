import CellLanguage
import Foundation
import Testing

/// What keras.io's "Writing a training loop from scratch" needs beyond the functional API and
/// tapes: `Conv2DTranspose` in a model and under a tape, `tf.concat`, and
/// `keras.preprocessing.image.array_to_img(...).save("x.png")`. Expected figures come from
/// TensorFlow 2 (`tf.concat` and its gradient) and tf.keras 2 (shapes and parameter counts).
@Suite struct TrainingLoopGuideTests {
    @Test func dcganGeneratorSummary() {
        let nb = NotebookSession()
        let text = nb.text("""
            from tensorflow import keras
            from tensorflow.keras import layers
            generator = keras.Sequential([
                keras.Input(shape=(128,)),
                layers.Dense(7 * 7 * 128),
                layers.LeakyReLU(alpha=0.2),
                layers.Reshape((7, 7, 128)),
                layers.Conv2DTranspose(128, (4, 4), strides=(2, 2), padding="same"),
                layers.LeakyReLU(alpha=0.2),
                layers.Conv2DTranspose(128, (4, 4), strides=(2, 2), padding="same"),
                layers.LeakyReLU(alpha=0.2),
                layers.Conv2D(1, (7, 7), padding="same", activation="sigmoid"),
            ], name="generator")
            generator.summary()
            print([w.shape for w in generator.layers[3].get_weights()], generator.layers[3])
            """)
        // tf.keras 2: 809,088 + 262,272 + 262,272 + 6,273 = 1,339,905 parameters.
        #expect(text.contains("conv2d_transpose_1 (Conv2DTr (None, 14, 14, 128)       262272    \n"))
        #expect(text.contains("conv2d_transpose_2 (Conv2DTr (None, 28, 28, 128)       262272    \n"))
        #expect(text.contains("conv2d_1 (Conv2D)            (None, 28, 28, 1)         6273      \n"))
        #expect(text.contains("Total params: 1,339,905\n"))
        #expect(text.hasSuffix("[(4, 4, 128, 128), (128,)] <keras.layers.convolutional.Conv2DTranspose object>\n"))
    }

    @Test func conv2DTransposeUnderATape() {
        let nb = NotebookSession()
        // The gradient of sum(conv_transpose(x)) with respect to the bias is the number of
        // output positions per filter summed over the batch: 2 * 6 * 6 = 72.
        let text = nb.text("""
            import tensorflow as tf
            from tensorflow.keras import layers
            up = layers.Conv2DTranspose(3, 3, strides=2, padding="same")
            x = tf.ones((2, 3, 3, 2))
            with tf.GradientTape() as tape:
                y = up(x)
                loss = tf.reduce_sum(y)
            kernel_grad, bias_grad = tape.gradient(loss, up.trainable_weights)
            print(y.shape, kernel_grad.shape, bias_grad.numpy().tolist())
            config = up.get_config()
            print(config["filters"], config["kernel_size"], config["strides"], config["padding"])
            """)
        #expect(text == "(2, 6, 6, 3) (3, 3, 3, 2) [72.0, 72.0, 72.0]\n3 (3, 3) (2, 2) same\n")
        #expect(nb.error("layers.Conv2DTranspose(3, 3, output_padding=1)")
                == "ValueError: Conv2DTranspose(output_padding=, dilation_rate=) are not supported by Labbook's engine")
    }

    @Test func concatAndItsGradient() {
        let nb = NotebookSession()
        // TensorFlow 2.x prints the same values, sum and gradient.
        let text = nb.text("""
            import tensorflow as tf
            a = tf.Variable([[1., 2.], [3., 4.]])
            b = tf.constant([[5.], [6.]])
            c = tf.constant([[1., 10., 100.], [1000., 10000., 100000.]])
            with tf.GradientTape() as t:
                y = tf.reduce_sum(tf.concat([a, b], axis=1) * c)
            print(tf.concat([a, b], axis=1).numpy().tolist(), float(y))
            print(t.gradient(y, a).numpy().tolist())
            print(tf.concat([tf.ones((2, 1)), tf.zeros((3, 1))], axis=0).shape, tf.concat([tf.ones((2, 2)), tf.ones((2, 2))], axis=-1).shape)
            """)
        #expect(text == "[[1.0, 2.0, 5.0], [3.0, 4.0, 6.0]] 643521.0\n[[1.0, 10.0], [1000.0, 10000.0]]\n(5, 1) (2, 4)\n")
        #expect(nb.error("tf.concat([tf.ones((2, 1)), tf.zeros((3, 2))], axis=0)").hasPrefix(
            "ValueError: ConcatOp : Dimension 1 in both shapes must be equal: shape[0] = [2,1] vs. shape[1] = [3,2] [Op:ConcatV2]"))
        #expect(nb.error("tf.concat([tf.ones((2, 1)), tf.zeros((2, 1), dtype=tf.int32)], axis=0)").hasPrefix(
            "ValueError: cannot compute ConcatV2 as input #1(zero-based) was expected to be a float tensor but is a int32 tensor"))
    }

    @Test func arrayToImageSavesAPNG() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let nb = NotebookSession()
        let path = folder.appendingPathComponent("img.png").path
        let text = nb.text("""
            import numpy as np
            import tensorflow as tf
            x = np.zeros((2, 3, 1), dtype="float32")
            x[0, 1, 0] = 0.5
            x[1, 2, 0] = 1.0
            img = tf.keras.preprocessing.image.array_to_img(tf.constant(x) * 255.0, scale=False)
            print(img.size, img.mode)
            img.save(\(Value.str(path).repr))
            stretched = tf.keras.preprocessing.image.array_to_img(np.array([[[0.0], [2.0], [4.0]]]))
            stretched.save(\(Value.str(folder.appendingPathComponent("s.png").path).repr))
            """)
        #expect(text == "(3, 2) L\n")
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width 3, height 2, bit depth 8, colour type 0 (grey).
        #expect(Array(png[16..<26]) == [0, 0, 0, 3, 0, 0, 0, 2, 8, 0])
        // The image rows (a filter byte, then the pixels): 127.5 truncates to 127, as astype("uint8").
        #expect(Self.rows(png) == [0, 0, 127, 0, 0, 0, 0, 255])
        let stretched = [UInt8](try Data(contentsOf: folder.appendingPathComponent("s.png")))
        #expect(Self.rows(stretched) == [0, 0, 127, 255])
        #expect(nb.error("img.save('img.jpg')").hasPrefix("ValueError: unknown file extension: .jpg"))
        #expect(nb.error("tf.keras.preprocessing.image.array_to_img(np.zeros((2, 2)))")
                == "ValueError: Expected image array to have rank 3 (single image). Got array with shape: (2, 2)")
    }

    /// The raw scanlines of a PNG written with one stored deflate block.
    private static func rows(_ png: [UInt8]) -> [UInt8] {
        // Signature (8), IHDR chunk (25), IDAT length (4) and type (4), zlib header (2), block header (5).
        let length = Int(png[33]) << 24 | Int(png[34]) << 16 | Int(png[35]) << 8 | Int(png[36])
        let start = 8 + 25 + 8 + 2 + 5, end = 8 + 25 + 8 + length - 4
        return Array(png[start..<end])
    }
}
