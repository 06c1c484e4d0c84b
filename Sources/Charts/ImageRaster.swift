import Foundation

/// Draws `imshow` data into a pixel box. Up to `maximumRuns` horizontal runs of equal colour
/// (every 28×28 image), as vector shapes: a background rectangle in the commonest colour, then
/// one path per other colour holding its runs. That stays sharp in every viewer and in print,
/// where a scaled bitmap is smoothed by some (rsvg, print pipelines). Larger pictures become an
/// embedded PNG asking for nearest-neighbour scaling.
enum ImageRaster {
    static let maximumRuns = 2_500

    static func svg(_ image: ImageData, in box: Box) -> [String] {
        let colors = image.rgb ?? image.pixels.map { row in row.map { image.colormap.color(at: normalise($0, image)) } }
        let rows = image.rows, columns = image.columns
        let cellW = box.width / Double(columns), cellH = box.height / Double(rows)
        let background = mostCommon(colors)
        var runs: [(row: Int, start: Int, length: Int, color: Color)] = []
        for (r, row) in colors.enumerated() {
            var c = 0
            while c < columns {
                let color = row[c]
                var end = c + 1
                while end < columns && row[end] == color { end += 1 }
                if color != background { runs.append((r, c, end - c, color)) }
                c = end
            }
        }
        let n = SVGWriter.n
        if runs.count <= maximumRuns {
            var lines = ["<g shape-rendering=\"crispEdges\">",
                         "<rect x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\" fill=\"\(background.hex)\"/>"]
            // Colours in order of first appearance: stable output without hashing order.
            var order: [Color] = []
            var paths: [Color: String] = [:]
            for run in runs {
                if paths[run.color] == nil { order.append(run.color); paths[run.color] = "" }
                let x = box.x + Double(run.start) * cellW, y = box.y + Double(run.row) * cellH
                let w = Double(run.length) * cellW
                paths[run.color, default: ""] += "M\(n(x)) \(n(y))h\(n(w))v\(n(cellH))h\(n(-w))z"
            }
            for color in order {
                lines.append("<path fill=\"\(color.hex)\" d=\"\(paths[color] ?? "")\"/>")
            }
            lines.append("</g>")
            return lines
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows * columns * 3)
        for row in colors { for color in row { bytes += [color.red, color.green, color.blue] } }
        let png = PNGEncoder.encode(width: columns, height: rows, rgb: bytes)
        let base64 = Data(png).base64EncodedString()
        return ["<image x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\""
            + " preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\""
            + " href=\"data:image/png;base64,\(base64)\"/>"]
    }

    private static func normalise(_ value: Double, _ image: ImageData) -> Double {
        guard value.isFinite else { return .nan }
        let span = image.vmax - image.vmin
        // A flat image (vmin == vmax) maps to the bottom of the colormap, like matplotlib.
        return span > 0 ? (value - image.vmin) / span : 0
    }

    /// The most frequent colour; ties go to the one seen first, so the choice is stable.
    private static func mostCommon(_ colors: [[Color]]) -> Color {
        var counts: [Color: Int] = [:]
        var order: [Color] = []
        for row in colors {
            for color in row {
                if counts[color] == nil { order.append(color) }
                counts[color, default: 0] += 1
            }
        }
        var best = order.first ?? Color(red: 0, green: 0, blue: 0)
        for color in order where (counts[color] ?? 0) > (counts[best] ?? 0) { best = color }
        return best
    }
}
