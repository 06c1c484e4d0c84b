import CellLanguage
import CellOutput
import Foundation
import Testing
@testable import Library

/// Cells run through a `Session` with `matplotlib.pyplot` registered. Expected reprs and
/// messages were taken from matplotlib 3.11.2 (Agg backend) running the same calls.
struct PyplotTests {
    /// A fresh session with pyplot registered, and numpy too when `withNumPy`.
    static func session(withNumPy: Bool = false) -> Session {
        let registry = ModuleRegistry()
        if withNumPy { NumPyModule.register(in: registry, context: NumPyContext(seed: 0)) }
        PyplotModule.register(in: registry)
        return Session(modules: registry)
    }

    /// Runs `source` as one cell after `import matplotlib.pyplot as plt`.
    static func run(_ source: String, in session: Session = session()) -> CellOutcome {
        session.run("import matplotlib.pyplot as plt\n" + source, cellNumber: 1)
    }

    /// Runs `source` as one cell of a fresh session with numpy too, after the imports of
    /// both (`np`, `plt`).
    static func runWithNumPy(_ source: String) -> CellOutcome {
        run("import numpy as np\n" + source, in: session(withNumPy: true))
    }

    /// What a cell shows as its value: its `.result`, else its error summary, else all it printed.
    static func shown(_ outcome: CellOutcome) -> String {
        if let error = outcome.error { return error.summary }
        for case .result(let text) in outcome.outputs { return text }
        return outcome.outputs.map(\.plainText).joined()
    }

    static func figures(_ outcome: CellOutcome) -> [OutputFigure] {
        outcome.outputs.compactMap { if case .figure(let f) = $0 { return f } else { return nil } }
    }

    @Test func twoLabelledLinesWithLegendShowOneFigure() throws {
        let outcome = Self.run("""
            plt.plot([1, 2, 3], [0.9, 0.5, 0.3], label='training loss')
            plt.plot([1, 2, 3], [1.0, 0.7, 0.6], 'r--', label='validation loss')
            plt.legend()
            plt.show()
            """)
        #expect(outcome.error == nil)
        #expect(outcome.outputs.count == 1)
        let figure = try #require(Self.figures(outcome).first)
        #expect(figure.plainText == "<Figure size 640x480 with 1 Axes>")
        #expect(figure.svg.hasPrefix("<svg"))
        #expect(figure.svg.contains("training loss"))
        #expect(figure.svg.contains("validation loss"))
        #expect(figure.svg.contains("#ff0000"))
    }

    @Test func showClosesTheFigureSoTheNextPlotStartsAFreshOne() {
        let outcome = Self.run("""
            plt.plot([1, 2])
            plt.show()
            plt.plot([3, 4])
            plt.plot([5, 6])
            plt.show()
            plt.show()
            """)
        #expect(Self.figures(outcome).map(\.plainText) == ["<Figure size 640x480 with 1 Axes>",
                                                         "<Figure size 640x480 with 1 Axes>"])
    }

    @Test func twoFiguresInOneCellAreTwoParts() {
        let outcome = Self.run("""
            plt.figure()
            plt.plot([1, 2])
            plt.figure(figsize=(10, 4))
            plt.plot([3, 4])
            plt.show()
            """)
        #expect(outcome.error == nil)
        #expect(Self.figures(outcome).map(\.plainText) == ["<Figure size 640x480 with 1 Axes>",
                                                         "<Figure size 1000x400 with 1 Axes>"])
    }

    @Test func sameCellGivesTheSameSVGBytes() {
        let cell = """
            import math
            xs = [i / 10 for i in range(50)]
            fig, axes = plt.subplots(1, 2, figsize=(10, 4))
            axes[0].plot(xs, [math.sin(x) for x in xs], label='sin')
            axes[0].legend()
            axes[1].hist([math.cos(x) for x in xs], bins=7)
            axes[1].imshow([[0, 1], [2, 3]], cmap='gray')
            plt.suptitle('Determinism')
            plt.show()
            """
        let first = Self.figures(Self.run(cell))
        let second = Self.figures(Self.run(cell))
        #expect(first.count == 1)
        #expect(first == second)
    }

    @Test func flushShowsWhatACellLeftOpenThenNothing() {
        let session = Self.session()
        let outcome = Self.run("plt.plot([1, 2, 3])\nplt.title('Loss');", in: session)
        #expect(outcome.error == nil)
        #expect(outcome.outputs.isEmpty)
        let parts = PyplotModule.flush(session.interpreter)
        #expect(parts.count == 1)
        if case .figure(let figure)? = parts.first {
            #expect(figure.plainText == "<Figure size 640x480 with 1 Axes>")
            #expect(figure.svg.contains("Loss"))
        } else {
            Issue.record("expected a figure, got \(parts)")
        }
        #expect(PyplotModule.flush(session.interpreter).isEmpty)
        // The next cell draws on a new figure, as after Jupyter's inline flush.
        _ = Self.run("plt.plot([1])", in: session)
        #expect(Self.figures(CellOutcome(outputs: PyplotModule.flush(session.interpreter), error: nil)).count == 1)
    }

    @Test func flushShowsAnEmptyFigureAsItsReprLikeJupyter() {
        let session = Self.session()
        _ = Self.run("plt.figure(figsize=(8, 6));", in: session)
        #expect(PyplotModule.flush(session.interpreter) == [.stream("<Figure size 800x600 with 0 Axes>\n")])
    }

    @Test func flushWithoutMatplotlibRegisteredIsEmpty() {
        let session = Session(modules: ModuleRegistry())
        _ = session.run("x = 1", cellNumber: 1)
        #expect(PyplotModule.flush(session.interpreter).isEmpty)
    }

    @Test func histReturnsNumPysBinsAndDrawsBars() throws {
        let outcome = Self.run("""
            counts, edges, bars = plt.hist([1, 2, 2, 3, 4], bins=3)
            print([float(c) for c in counts], [float(e) for e in edges], bars)
            plt.show()
            """)
        #expect(outcome.error == nil)
        #expect(outcome.outputs.first == .stream("[1.0, 2.0, 2.0] [1.0, 2.0, 3.0, 4.0] <BarContainer object of 3 artists>\n"))
        #expect(Self.figures(outcome).count == 1)
    }

    @Test func imshowOfANestedListDrawsItsGreys() throws {
        let outcome = Self.run("""
            plt.imshow([[0, 1], [2, 3]], cmap='gray')
            plt.axis('off')
            plt.show()
            """)
        #expect(outcome.error == nil)
        let figure = try #require(Self.figures(outcome).first)
        // 1/3 and 2/3 of the way from black to white.
        #expect(figure.svg.contains("#555555"))
        #expect(figure.svg.contains("#aaaaaa"))
    }

    @Test func savefigWritesTheSVGFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("labbook-pyplot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("loss.svg").path
        let outcome = Self.run("""
            plt.plot([3, 1, 2], label='loss')
            plt.savefig(\(Value.str(path).repr))
            """)
        #expect(outcome.error == nil)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains("<svg"))
        #expect(text.contains("</svg>"))
    }
}
