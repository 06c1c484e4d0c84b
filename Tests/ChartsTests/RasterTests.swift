import Foundation
import Testing
@testable import Charts

/// imshow output: rectangles for small images, a valid stored-deflate PNG for large ones.
@Suite struct RasterTests {
    @Test func checksumsMatchKnownValues() {
        // zlib.crc32(b"IEND") and zlib.adler32(b"Wikipedia") in CPython.
        #expect(PNGEncoder.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func storedZlibStreamMatchesCPythonsLevelZero() {
        // zlib.compress(b"abc", 0).hex() == "7801010300fcff616263024d0127"
        let bytes = PNGEncoder.zlibStored(Array("abc".utf8))
        #expect(bytes.map { String(format: "%02x", $0) }.joined() == "7801010300fcff616263024d0127")
    }

    @Test func largeImagesBecomeAnEmbeddedPNG() throws {
        var figure = Figure()
        let ax = figure.currentAxes()
        try figure.axes[ax].imshow(SafetyTests.noise(rows: 60, columns: 70), colormap: .viridis)
        let svg = figure.svg()
        let prefix = "href=\"data:image/png;base64,"
        let start = try #require(svg.range(of: prefix))
        let end = try #require(svg[start.upperBound...].firstIndex(of: "\""))
        let png = try #require(Data(base64Encoded: String(svg[start.upperBound..<end])))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width 70, height 60, 8-bit RGB.
        #expect(Array(png[16..<26]) == [0, 0, 0, 70, 0, 0, 0, 60, 8, 2])
        #expect(png.count == 8 + 25 + (12 + 2 + 5 + 60 * 211 + 4) + 12)
    }

    @Test func greyPicturesBecomeGreyscalePNGs() {
        let png = PNGEncoder.encode(width: 2, height: 1, rgb: [7, 7, 7, 200, 200, 200])
        #expect(png[25] == 0, "colour type grey")
        #expect(png.count == 8 + 25 + (12 + 2 + 5 + 3 + 4) + 12)
    }

    @Test func smallImagesAreRunsOverTheCommonestColour() throws {
        var ax = Axes()
        try ax.imshow([[0, 0, 0], [0, 1, 1], [0, 0, 0.5]], colormap: .gray)
        guard case .image(let image) = ax.artists[0] else { Issue.record("no image"); return }
        let lines = ImageRaster.svg(image, in: Box(x: 0, y: 0, width: 30, height: 30))
        #expect(lines == [
            "<g shape-rendering=\"crispEdges\">",
            "<rect x=\"0\" y=\"0\" width=\"30\" height=\"30\" fill=\"#000000\"/>",
            "<path fill=\"#ffffff\" d=\"M10 10h20v10h-20z\"/>",
            "<path fill=\"#808080\" d=\"M20 20h10v10h-10z\"/>",
            "</g>",
        ])
    }

    @Test func colormapsEndsAndMiddle() throws {
        #expect(Colormap.gray.color(at: 0).hex == "#000000")
        #expect(Colormap.gray.color(at: 1).hex == "#ffffff")
        #expect(Colormap.grayReversed.color(at: 0).hex == "#ffffff")
        // matplotlib.colormaps['viridis'](0.0), (0.5), (1.0) as hex.
        #expect(Colormap.viridis.color(at: 0).hex == "#440154")
        #expect(Colormap.viridis.color(at: 0.5).hex == "#21918c")
        #expect(Colormap.viridis.color(at: 1).hex == "#fde725")
        #expect(throws: ChartError.unknownColormap("jet2")) { try Colormap(name: "jet2") }
    }

    /// Every named map and its `_r` twin at ten points, against matplotlib's own colours
    /// (Fixtures/colormaps.txt, written by scripts/gen-colormaps.py with matplotlib).
    @Test func colormapsMatchMatplotlib() throws {
        let text = try String(contentsOf: Golden.fixtures.appendingPathComponent("colormaps.txt"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ").map(String.init)
            let map = try Colormap(name: fields[0])
            let t = try #require(Double(fields[1]))
            #expect(map.color(at: t).hex == fields[2], "\(fields[0])(\(fields[1]))")
            checked += 1
        }
        #expect(checked >= 800)
        #expect(Colormap.names.count >= 40)
    }

    @Test func raggedOrEmptyImagesAreRejected() {
        var ax = Axes()
        #expect(throws: ChartError.self) { try ax.imshow([]) }
        #expect(throws: ChartError.invalidImage("row 1 has 1 values, row 0 has 2")) { try ax.imshow([[1, 2], [3]]) }
    }
}
