import CellLanguage
import Testing
@testable import Library

/// Axes methods, figure state and module-level settings, through cells.
struct PyplotAxesTests {
    static func svg(_ outcome: CellOutcome) -> String {
        PyplotTests.figures(outcome).map(\.svg).joined()
    }

    @Test func legendWithALabelListNamesTheLinesInOrder() {
        let outcome = PyplotTests.run("""
            plt.plot([1, 2, 3])
            plt.plot([3, 2, 1])
            plt.legend(['accuracy', 'val_accuracy'])
            plt.show()
            """)
        #expect(outcome.error == nil)
        let svg = Self.svg(outcome)
        #expect(svg.contains(">accuracy<"))
        #expect(svg.contains(">val_accuracy<"))
    }

    @Test func scatterColoursClassLabelsWithTab10() {
        let outcome = PyplotTests.run("""
            plt.scatter([0, 1, 2, 3], [0, 1, 0, 1], c=[0, 9, 3, 3], cmap='tab10')
            plt.show()
            """)
        #expect(outcome.error == nil)
        let svg = Self.svg(outcome)
        // C0, C9 and C3 of matplotlib's tab10 cycle; nothing else of the cycle.
        #expect(svg.contains("#1f77b4") && svg.contains("#17becf") && svg.contains("#d62728"))
        #expect(!svg.contains("#ff7f0e"))
    }

    @Test func barColourListAndTickLabels() {
        let outcome = PyplotTests.run("""
            fig, ax = plt.subplots()
            ax.bar([0, 1, 2], [3, 1, 2], color=['r', 'g', 'b'])
            ax.set_xticks([0, 1, 2])
            print(ax.set_xticklabels(['zero', 'one', 'two']))
            plt.show()
            """)
        #expect(outcome.error == nil)
        #expect(outcome.outputs.first == .stream("[Text(0, 0, 'zero'), Text(1, 0, 'one'), Text(2, 0, 'two')]\n"))
        let svg = Self.svg(outcome)
        #expect(svg.contains("#ff0000") && svg.contains("#008000") && svg.contains("#0000ff"))
        #expect(svg.contains(">one<"))
    }

    @Test func rcParamsFigsizeSizesNewFigures() {
        let outcome = PyplotTests.run("""
            import matplotlib
            matplotlib.rcParams['figure.figsize'] = (10, 4)
            print(plt.figure())
            plt.rcParams['figure.figsize'] = [5, 5]
            plt.figure()
            """)
        #expect(outcome.error == nil)
        #expect(outcome.outputs == [.stream("Figure(1000x400)\n"), .result("<Figure size 500x500 with 0 Axes>")])
    }

    @Test func fromMatplotlibImportPyplot() {
        let outcome = PyplotTests.session().run("from matplotlib import pyplot as plt\nplt.gcf()", cellNumber: 1)
        #expect(outcome.outputs == [.result("<Figure size 640x480 with 0 Axes>")])
    }

    @Test func closeAndClf() {
        #expect(PyplotReprTests.result("""
            a = plt.figure(); b = plt.figure(); c = plt.figure()
            plt.close(b)
            plt.close(3)
            n = plt.get_fignums()
            plt.plot([1]); plt.clf()
            plt.close('all')
            n, plt.get_fignums(), a
            """) == "([1], [], <Figure size 640x480 with 0 Axes>)")
    }

    @Test func axesFromBeforeClfSaysItWasRemoved() {
        #expect(PyplotReprTests.result("ax = plt.gca()\nplt.clf()\nax.plot([1])").hasPrefix("RuntimeError: this Axes was removed"))
    }

    @Test func axesSetAndGetters() {
        #expect(PyplotReprTests.result("""
            fig, ax = plt.subplots()
            r = ax.set(title='z', xlabel='q', xlim=(0, 2))
            r, ax.get_title(), ax.get_xlabel(), ax.get_ylabel(), ax.get_xlim()
            """) == "([Text(0.5, 1.0, 'z'), Text(0.5, 0, 'q'), (0.0, 2.0)], 'z', 'q', '', (np.float64(0.0), np.float64(2.0)))")
    }
}

/// The image grids of MNIST notebooks: `plt.gray()` and hidden axes, as the keras.io
/// denoising autoencoder draws its digits.
struct PyplotImageGridTests {
    @Test func grayColoursTheCurrentImageAndLaterOnes() throws {
        let outcome = PyplotTests.run("""
            import matplotlib
            plt.imshow([[0, 1], [2, 3]])
            plt.gray()
            print(matplotlib.rcParams['image.cmap'], plt.get_cmap().name)
            plt.subplot(1, 2, 2)
            plt.imshow([[0, 3]])
            plt.show()
            """)
        #expect(outcome.error == nil)
        #expect(outcome.outputs.first == .stream("gray gray\n"))
        let svg = PyplotAxesTests.svg(outcome)
        // 1/3 and 2/3 of the way from black to white in the first image, black and white in
        // the second; no viridis (its low end is #440154).
        #expect(svg.contains("#555555") && svg.contains("#aaaaaa") && svg.contains("#ffffff"))
        #expect(!svg.contains("#440154"))
    }

    @Test func hiddenAxesDrawNoTicksOrLabelsButKeepTheirFrame() throws {
        func svg(_ hide: String) throws -> String {
            let outcome = PyplotTests.run("""
                ax = plt.subplot(1, 1, 1)
                plt.plot([0.5, 1.5, 2.5], [10, 20, 30])
                plt.xlabel('step')
                plt.ylabel('units')
                \(hide)
                plt.show()
                """)
            #expect(outcome.error == nil)
            return PyplotAxesTests.svg(outcome)
        }
        let shown = try svg("")
        let hidden = try svg("ax.get_xaxis().set_visible(False)\nax.yaxis.set_visible(False)")
        for label in [">step<", ">units<", ">1.0<", ">25<"] {
            #expect(shown.contains(label), "\(label)")
            #expect(!hidden.contains(label), "\(label)")
        }
        #expect(hidden.contains("<rect") && hidden.contains("fill=\"none\""))
        let xOnly = try svg("ax.get_xaxis().set_visible(False)")
        #expect(!xOnly.contains(">step<") && xOnly.contains(">units<"))
        let outcome = PyplotTests.run("ax = plt.gca()\nax.xaxis.set_visible(0)\nprint(ax.get_xaxis().get_visible(), ax.yaxis.get_visible())")
        #expect(outcome.outputs.first == .stream("False True\n"))
    }
}
