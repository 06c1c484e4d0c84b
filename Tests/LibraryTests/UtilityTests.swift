import Foundation
import Testing

/// `to_categorical`, seeding and determinism, and the datasets.
@Suite struct UtilityTests {
    @Test func toCategorical() {
        let nb = NotebookSession()
        // Expected values from Keras' documented behaviour (and numpy's dtype).
        #expect(nb.repr("""
            import keras
            t = keras.utils.to_categorical([0, 2, 1], 3)
            t.shape, t.dtype, t.tolist()
            """) == "((3, 3), dtype('float32'), [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])")
        #expect(nb.repr("keras.utils.to_categorical([[1], [3]]).shape") == "(2, 4)")
        #expect(nb.error("keras.utils.to_categorical([0, 5], 3)") == "IndexError: index 5 is out of bounds for axis 1 with size 3")
    }

    /// What the Keras 2 examples and TensorFlow's tutorials ask of the modules before any
    /// model: versions (the Keras Labbook follows, docs/keras.md), the image data format
    /// (`mnist_cnn.py`), `np_utils` (`mnist_mlp.py`).
    @Test func versionsImageFormatAndNpUtils() {
        let nb = NotebookSession()
        #expect(nb.repr("import keras, tensorflow as tf\n(keras.__version__, tf.__version__, tf.version.VERSION)")
            == "('2.3.1', '2.0.0', '2.0.0')")
        #expect(nb.repr("from tensorflow import keras as k2\nk2.__version__") == "'2.3.1'")
        #expect(nb.repr("from keras import backend as K\nK.image_data_format()") == "'channels_last'")
        #expect(nb.repr("from keras.utils import np_utils\nnp_utils.to_categorical([1, 0], 2).tolist()")
            == "[[0.0, 1.0], [1.0, 0.0]]")
        #expect(nb.repr("import tensorflow.keras.utils.np_utils as nu\nnu.to_categorical([2]).shape") == "(1, 3)")
        #expect(nb.repr("import tensorflow.version\ntensorflow.version is tf.version") == "True")
    }

    @Test func sameSeedSameHistory() {
        func history(seed: Int) -> String {
            let nb = NotebookSession(seed: seed)
            nb.text(Synthetic.twoClasses + "\n" + Synthetic.model)
            return nb.repr("model.fit(x, y_hot, epochs=3, batch_size=8, verbose=0, validation_split=0.2).history")
        }
        #expect(history(seed: 7) == history(seed: 7))
        #expect(history(seed: 7) != history(seed: 8))
    }

    @Test func setRandomSeedRestartsTheGenerator() {
        let nb = NotebookSession(seed: 3)
        nb.text(Synthetic.twoClasses)
        let first = nb.repr("""
            keras.utils.set_random_seed(11)
            Sequential([Dense(3, input_shape=(2,))]).get_weights()[0].tolist()
            """)
        let again = nb.repr("""
            keras.utils.set_random_seed(11)
            Sequential([Dense(3, input_shape=(2,))]).get_weights()[0].tolist()
            """)
        #expect(first == again)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["LABBOOK_DATASETS"] != nil, "needs MNIST: set LABBOOK_DATASETS"))
    func mnistArraysAreKerasArrays() throws {
        let nb = NotebookSession()
        #expect(nb.repr("""
            from keras.datasets import mnist
            (x_train, y_train), (x_test, y_test) = mnist.load_data()
            x_train.shape, y_train.shape, x_test.shape, y_test.shape, x_train.dtype, y_train.dtype
            """) == "((60000, 28, 28), (60000,), (10000, 28, 28), (10000,), dtype('uint8'), dtype('uint8'))")
        // The first training labels of MNIST.
        #expect(nb.repr("y_train[:10].tolist()") == "[5, 0, 4, 1, 9, 2, 1, 3, 1, 4]")
    }
}
