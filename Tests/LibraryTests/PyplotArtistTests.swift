import CellLanguage
import CellOutput
import Foundation
import Testing
@testable import Library

/// Live plot handles, colormaps, text and annotations. Expected reprs and values were
/// printed by matplotlib 3.11.2 (Agg backend) running the same calls.
struct PyplotArtistTests {
    static func value(_ source: String) -> String {
        let outcome = PyplotTests.runWithNumPy(source)
        if let error = outcome.error { return "error: \(error.typeName): \(error.message)" }
        return outcome.outputs.compactMap { part -> String? in
            if case .stream(let text) = part { return text } else { return nil }
        }.joined()
    }

    @Test func barContainerIndexesItsRectangles() {
        #expect(Self.value("bars = plt.bar(['a', 'b', 'c'], [3, 1, 2]); print(bars, len(bars), bars[0])")
            == "<BarContainer object of 3 artists> 3 Rectangle(xy=(-0.4, 0), width=0.8, height=3, angle=0)\n")
        #expect(Self.value("bars = plt.bar(['a', 'b', 'c'], [3, 1, 2]); print(bars[-1].get_height(), bars[1].get_x(), bars[1].get_width())")
            == "2.0 0.6 0.8\n")
        #expect(Self.value("bars = plt.bar([1, 2], [3, 4]); bars[0].set_color('red'); print(bars[0].get_facecolor())")
            == "(1.0, 0.0, 0.0, 1.0)\n")
        #expect(Self.value("bars = plt.bar([1, 2], [3, 4]); bars[5]") == "error: IndexError: tuple index out of range")
    }

    @Test func setColorRecoloursOneBarInTheFigure() throws {
        let outcome = PyplotTests.runWithNumPy("bars = plt.bar([1, 2, 3], [3, 4, 5])\nbars[1].set_color('red')\nplt.show()")
        #expect(outcome.error == nil)
        let svg = try #require(PyplotTests.figures(outcome).first?.svg)
        #expect(svg.components(separatedBy: "fill=\"#ff0000\"").count == 2)
        #expect(svg.contains("<g fill=\"#1f77b4\">"))
    }

    @Test func iteratingBarsForLabels() throws {
        let outcome = PyplotTests.runWithNumPy("""
            bars = plt.bar(['x', 'y'], [0.25, 0.75])
            for b in bars:
                plt.text(b.get_x() + b.get_width() / 2, b.get_height(), f'{b.get_height():.2f}', ha='center', va='bottom')
            plt.show()
            """)
        #expect(outcome.error == nil)
        let svg = try #require(PyplotTests.figures(outcome).first?.svg)
        #expect(svg.contains(">0.25</text>") && svg.contains(">0.75</text>"))
        #expect(svg.contains("text-anchor=\"middle\""))
    }

    @Test func lineColorComesBackAsMatplotlibsTuple() {
        #expect(Self.value("line, = plt.plot([1, 2, 3]); print(line.get_color())")
            == "(0.12156862745098039, 0.4666666666666667, 0.7058823529411765)\n")
        #expect(Self.value("line, = plt.plot([1, 2, 3], color='r'); line.set_color('g'); print(line.get_color())")
            == "(0.0, 0.5019607843137255, 0.0)\n")
    }

    @Test func textAndAnnotateReprs() throws {
        #expect(Self.value("print(plt.text(1, 2, 'hi'), plt.annotate('peak', xy=(1, 3), xytext=(2, 3.5), arrowprops=dict(arrowstyle='->')))")
            == "Text(1, 2, 'hi') Annotation(1, 3, 'peak')\n")
        let outcome = PyplotTests.runWithNumPy("""
            plt.plot([0, 1, 2], [0, 3, 1])
            plt.annotate('top', xy=(1, 3), xytext=(1.5, 2), arrowprops=dict(color='red'))
            plt.text(0.5, 0.5, 'middle', transform=plt.gca().transAxes, fontsize=14, rotation=45)
            plt.show()
            """)
        #expect(outcome.error == nil)
        let svg = try #require(PyplotTests.figures(outcome).first?.svg)
        #expect(svg.contains(">top</text>") && svg.contains(">middle</text>"))
        #expect(svg.contains("fill=\"#ff0000\"/>"))   // the arrow head
        #expect(svg.contains("transform=\"rotate(-45 "))
    }

    @Test func colormapsAsObjectsAndCalls() {
        #expect(Self.value("print(plt.cm.tab10(1))")
            == "(np.float64(1.0), np.float64(0.4980392156862745), np.float64(0.054901960784313725), np.float64(1.0))\n")
        #expect(Self.value("print(plt.cm.viridis, plt.get_cmap('RdBu_r').name, plt.cm.Blues.N, plt.cm.tab10.N)")
            == "<matplotlib.colors.ListedColormap object at 0x...> RdBu_r 256 10\n")
        #expect(Self.value("print(plt.cm.viridis(np.linspace(0, 1, 3)).shape)") == "(3, 4)\n")
        #expect(Self.value("plt.get_cmap('nope')").hasPrefix("error: ValueError: 'nope' is not a valid value for cmap; supported values are 'Accent', 'Accent_r'"))
    }

    @Test func imshowTakesColormapObjectsAndRGB() throws {
        let outcome = PyplotTests.runWithNumPy("""
            import numpy as np
            plt.subplot(1, 2, 1); plt.imshow(np.eye(3), cmap=plt.cm.binary, interpolation='nearest')
            rgb = np.zeros((2, 2, 3)); rgb[0, 0] = [1, 0, 0]; rgb[1, 1] = [0, 0, 1]
            plt.subplot(1, 2, 2); plt.imshow(rgb)
            plt.show()
            """)
        #expect(outcome.error == nil)
        let svg = try #require(PyplotTests.figures(outcome).first?.svg)
        #expect(svg.contains("fill=\"#ff0000\"") && svg.contains("fill=\"#0000ff\""))
        #expect(svg.contains("fill=\"#000000\"") && svg.contains("fill=\"#ffffff\""))
    }

    @Test func logScalesAndTheirReadBack() throws {
        #expect(Self.value("print(plt.semilogy([1, 10, 100]), plt.gca().get_yscale(), plt.gca().get_xscale())")
            == "[<matplotlib.lines.Line2D at 0x...>] log linear\n")
        #expect(Self.value("plt.loglog([1, 10], [1, 100]); print(plt.gca().get_xscale())") == "log\n")
        // matplotlib 3.11.2 prints (0.7943282347242815, 125.89254117941677) and (-0.1, 2.1): 10**2.1
        // through its transform stack, one unit in the last place above Python's 10**2.1.
        let limits = Self.value("plt.semilogy([1, 10, 100]); print(plt.ylim(), plt.xlim())")
        #expect(limits.hasPrefix("(np.float64(0.7943282347242815), np.float64(125.8925411794167"))
        #expect(limits.hasSuffix(") (np.float64(-0.1), np.float64(2.1))\n"))
        #expect(Self.value("plt.yscale('symlog')").hasPrefix("error: NotImplementedError"))
        let outcome = PyplotTests.runWithNumPy("plt.semilogy(np.arange(1, 6), [1, 10, 100, 1000, 10000]); plt.show()")
        let svg = try #require(PyplotTests.figures(outcome).first?.svg)
        #expect(svg.contains(">10⁰</text>") && svg.contains(">10⁴</text>"))
    }

    @Test func tickLabelsTurn() throws {
        let outcome = PyplotTests.runWithNumPy("plt.bar([0, 1], [3, 4]); plt.xticks([0, 1], ['first', 'second'], rotation=45); plt.show()")
        #expect(outcome.error == nil)
        let svg = try #require(PyplotTests.figures(outcome).first?.svg)
        #expect(svg.contains("transform=\"rotate(-45 "))
        #expect(svg.contains(">second</text>"))
    }

    @Test func colorbarBesideAnImage() throws {
        #expect(Self.value("im = plt.imshow(np.eye(3), cmap='hot'); print(plt.colorbar(im, label='value'))")
            == "<matplotlib.colorbar.Colorbar at 0x...>\n")
        #expect(Self.value("plt.plot([1, 2]); plt.colorbar()") == "error: RuntimeError: No mappable was found to use for "
            + "colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).")
        let outcome = PyplotTests.runWithNumPy("""
            fig, ax = plt.subplots()
            sc = ax.scatter([1, 2, 3], [1, 2, 3], c=np.array([0.0, 5.0, 10.0]), cmap='viridis')
            cb = fig.colorbar(sc, ax=ax)
            cb.set_label('level')
            plt.show()
            """)
        #expect(outcome.error == nil)
        let svg = try #require(PyplotTests.figures(outcome).first?.svg)
        #expect(svg.contains(">level</text>"))
        #expect(svg.contains("fill=\"#fde725\""))   // viridis' top band
    }
}
