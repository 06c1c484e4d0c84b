import CellLanguage
import Testing
@testable import Library

/// pyplot reading numpy arrays. Expected texts from matplotlib 3.11.2 with NumPy 2.4.6.
struct PyplotNumPyTests {
    static func result(_ source: String) -> String {
        PyplotTests.shown(PyplotTests.runWithNumPy(source))
    }

    @Test func histReturnsNumPyArrays() {
        #expect(Self.result("plt.hist(np.array([1, 2, 2, 3, 4]), bins=3)")
                == "(array([1., 2., 2.]), array([1., 2., 3., 4.]), <BarContainer object of 3 artists>)")
    }

    @Test func plotOfArraysAndColumns() {
        #expect(Self.result("len(plt.plot(np.arange(10), np.arange(10) * 2.5))") == "1")
        #expect(Self.result("len(plt.plot(np.zeros((3, 2))))") == "2")
        #expect(Self.result("plt.plot(np.arange(3), np.zeros(4))")
                == "ValueError: x and y must have same first dimension, but have shapes (3,) and (4,)")
        #expect(Self.result("plt.plot(np.arange(5)); plt.xlim()") == "(np.float64(-0.2), np.float64(4.2))")
    }

    @Test func imshowOfAUInt8Image() throws {
        let outcome = PyplotTests.runWithNumPy("""
            image = (np.arange(28 * 28) % 256).astype('uint8').reshape(28, 28)
            plt.imshow(image, cmap='gray')
            plt.title(f'label {int(image[0, 5])}')
            plt.show()
            """)
        #expect(outcome.error == nil)
        let figure = try #require(outcome.outputs.compactMap { if case .figure(let f) = $0 { return f } else { return nil } }.first)
        #expect(figure.plainText == "<Figure size 640x480 with 1 Axes>")
        #expect(figure.svg.contains("label 5"))
    }

    @Test func imshowOfAnRGBImageIsAnImage() {
        #expect(Self.result("plt.imshow(np.zeros((2, 2, 3)))") == "<matplotlib.image.AxesImage at 0x...>")
        #expect(Self.result("plt.imshow(np.zeros((2, 2, 5)))") == "TypeError: Invalid shape (2, 2, 5) for image data")
    }
}
