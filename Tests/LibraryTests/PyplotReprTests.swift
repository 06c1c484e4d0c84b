import CellLanguage
import Testing
@testable import Library

/// What cells print: return values, reprs of figures, axes and axes arrays, and errors —
/// each expected text taken from matplotlib 3.11.2 / NumPy 2.4 (addresses replaced by `0x...`).
struct PyplotReprTests {
    /// The `.result` of a cell, or its error summary.
    static func result(_ source: String) -> String {
        PyplotTests.shown(PyplotTests.run(source))
    }

    @Test(arguments: [
        ("plt.figure()", "<Figure size 640x480 with 0 Axes>"),
        ("plt.figure(figsize=(10,4))", "<Figure size 1000x400 with 0 Axes>"),
        ("plt.figure(figsize=(3.3333, 2))", "<Figure size 333.33x200 with 0 Axes>"),
        ("str(plt.figure(figsize=(10,4)))", "'Figure(1000x400)'"),
        ("plt.plot([1, 2], [3, 4], 'r-', [5, 6], [7, 8], 'b--')",
         "[<matplotlib.lines.Line2D at 0x...>, <matplotlib.lines.Line2D at 0x...>]"),
        ("plt.plot()", "[]"),
        ("plt.title('t')", "Text(0.5, 1.0, 't')"),
        ("plt.suptitle('t')", "Text(0.5, 0.98, 't')"),
        ("plt.xlabel('t')", "Text(0.5, 0, 't')"),
        ("plt.ylabel('t')", "Text(0, 0.5, 't')"),
        ("plt.bar([1, 2], [1, 2])", "<BarContainer object of 2 artists>"),
        ("plt.bar(['a', 'b'], [1, 2])", "<BarContainer object of 2 artists>"),
        ("plt.xlim(0, 5)", "(0.0, 5.0)"),
        ("plt.ylim((0, 5))", "(0.0, 5.0)"),
        ("plt.xlim([1, 2])", "(1.0, 2.0)"),
        // None is not displayed, as in Jupyter.
        ("plt.axis('off')", "(np.float64(0.0), np.float64(1.0), np.float64(0.0), np.float64(1.0))"),
        ("plt.grid(True)", ""),
        ("plt.tight_layout()", ""),
        ("plt.show()", ""),
        ("plt.gca()", "<Axes: >"),
        ("plt.subplots(1, 1)[1]", "<Axes: >"),
        ("plt.subplots(2, 1)[1].shape", "(2,)"),
        ("plt.plot([1, 2]); plt.figure(); plt.gcf(), plt.get_fignums()",
         "(<Figure size 640x480 with 0 Axes>, [1, 2])"),
    ])
    func returnValues(_ source: String, _ expected: String) {
        #expect(Self.result(source) == expected)
    }

    @Test(arguments: [
        ("plt.hist([1, 2, 2, 3, 4], bins=3)", "([0.85, 4.15], [0.0, 2.1])"),
        // Width 0.5 keeps the bar edges exact in binary (Charts stores x ± w/2, matplotlib
        // x - w/2 and w, which differ in the last bit for w = 0.8).
        ("plt.bar([1, 2], [3, 4], width=0.5)", "([0.675, 2.325], [0.0, 4.2])"),
        ("plt.imshow([[1, 2, 3], [4, 5, 6]])", "([-0.5, 2.5], [1.5, -0.5])"),
        ("plt.plot([5])", "([-0.05500000000000001, 0.05500000000000001], [4.725, 5.275])"),
        ("plt.scatter([1, 2, 3], [2, 4, 8])", "([0.9, 3.1], [1.7, 8.3])"),
        ("plt.plot([1, 2, 3], [1, 2, 3], 'r-', [1, 2], [5, 6], 'b--')", "([0.9, 3.1], [0.75, 6.25])"),
    ])
    func automaticLimits(_ drawing: String, _ expected: String) {
        // matplotlib returns np.float64 scalars; compared here as floats.
        #expect(Self.result(drawing + "\n[float(v) for v in plt.xlim()], [float(v) for v in plt.ylim()]") == expected)
    }

    @Test func axesReprShowsTitleAndLabels() {
        #expect(Self.result("""
            fig, axes = plt.subplots(1, 3, figsize=(7.25, 3.333))
            axes[0].set_title("it's")
            axes[1].set_ylabel('y"q')
            axes[2].set(title='z', xlabel='q')
            fig, axes, axes[2]
            """) == """
            (<Figure size 725x333.3 with 3 Axes>, array([<Axes: title={'center': "it's"}>, <Axes: ylabel='y"q'>,
                   <Axes: title={'center': 'z'}, xlabel='q'>], dtype=object), <Axes: title={'center': 'z'}, xlabel='q'>)
            """)
    }

    @Test func subplotsGridIsA2DObjectArray() {
        let outcome = PyplotTests.run("""
            fig, axes = plt.subplots(2, 2, figsize=(10, 4))
            axes[0, 0].set_title('a long title')
            axes[1, 1].set_xlabel('x')
            axes[0][1].plot([1, 2, 3], label='up')
            axes[-1, 0].imshow([[0, 1], [1, 0]], cmap='gray')
            for ax in axes.flat:
                ax.grid(True)
            print(len(axes), axes.shape, len(axes.flatten()), len(list(axes)), axes[:, 1].shape)
            print(repr(axes))
            plt.show()
            """)
        #expect(outcome.error == nil)
        #expect(outcome.outputs.first == .stream("""
            2 (2, 2) 4 2 (2,)
            array([[<Axes: title={'center': 'a long title'}>, <Axes: >],
                   [<Axes: >, <Axes: xlabel='x'>]], dtype=object)

            """))
        #expect(PyplotTests.figures(outcome).map(\.plainText) == ["<Figure size 1000x400 with 4 Axes>"])
    }

    @Test func subplotThreeDigitFormAndReuse() {
        #expect(Self.result("""
            a = plt.subplot(221)
            b = plt.subplot(2, 2, 4)
            a is plt.subplot(2, 2, 1), plt.gcf()
            """) == "(True, <Figure size 640x480 with 2 Axes>)")
    }

    @Test(arguments: [
        ("plt.plot([1,2,3],[1,2,3,4])",
         "ValueError: x and y must have same first dimension, but have shapes (3,) and (4,)"),
        ("plt.imshow([[1, 2], [3]])",
         "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part."),
        ("plt.plot([1,2,3],[1,2,3],marker='Q')", "ValueError: Unrecognized marker style 'Q'"),
        ("plt.subplot(2,2,5)", "ValueError: num must be an integer with 1 <= num <= 4, not 5"),
        ("plt.subplot(225)", "ValueError: num must be an integer with 1 <= num <= 4, not 5"),
        ("plt.subplot(1000)", "ValueError: Single argument to subplot must be a three-digit integer, not 1000"),
        ("plt.subplot(1, 2)", "TypeError: subplot() takes 1 or 3 positional arguments but 2 were given"),
        ("plt.subplots(0, 1)", "ValueError: Number of rows must be a positive integer, not 0"),
        ("plt.imshow([1,2,3])", "TypeError: Invalid shape (3,) for image data"),
        ("plt.scatter([1,2],[1,2,3])", "ValueError: x and y must be the same size"),
        ("plt.bar([1,2],[1,2,3])",
         "ValueError: shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between 'x' with shape (2,) and 'height' with shape (3,)."),
        ("plt.axis('bogus')", "ValueError: Unrecognized string 'bogus' to axis; try 'on' or 'off'"),
        ("plt.xticks([0,1,2],['a','b'])",
         "ValueError: The number of FixedLocator locations (3), usually from a call to set_ticks, does not match the number of labels (2)."),
        ("plt.plot([1], foo=1)", "AttributeError: Line2D.set() got an unexpected keyword argument 'foo'"),
        ("plt.subplots(2, 2)[1][2, 0]", "IndexError: index 2 is out of bounds for axis 0 with size 2"),
    ])
    func errorsAsMatplotlib(_ source: String, _ expected: String) {
        #expect(Self.result(source) == expected)
    }

    /// Labbook writes SVG only; other formats are refused in matplotlib's words for an
    /// unsupported format (there is no real-matplotlib counterpart: it writes PNG).
    @Test func savefigRefusesFormatsOtherThanSVG() {
        #expect(Self.result("plt.plot([1]); plt.savefig('loss.png')")
                == "ValueError: Format 'png' is not supported (supported formats: svg)")
    }

    /// Charts' messages for bad style strings start as matplotlib's do (matplotlib adds detail).
    @Test(arguments: [
        ("plt.plot([1,2,3],[1,2,3],'q')", "ValueError: 'q' is not a valid format string"),
        ("plt.plot([1,2,3],[1,2,3],'rr')", "ValueError: 'rr' is not a valid format string"),
        ("plt.plot([1,2,3],[1,2,3],color='nocolor')", "ValueError: 'nocolor' is not a valid"),
        ("plt.plot([1,2,3],[1,2,3],linestyle='~')", "ValueError: '~' is not a valid value for ls"),
        ("plt.imshow([[1,2],[3,4]], cmap='nope')", "ValueError: 'nope' is not a valid value for cmap"),
        ("plt.legend(loc='nowhere')", "ValueError: 'nowhere' is not a valid value for loc"),
    ])
    func styleErrors(_ source: String, _ expectedStart: String) {
        #expect(Self.result(source).hasPrefix(expectedStart))
    }
}
