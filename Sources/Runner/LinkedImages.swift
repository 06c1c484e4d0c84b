import CellOutput
import Foundation

/// The figures an executed Markdown links (`![figure](nb_files/cell-2-1.png)`), as figure
/// parts for `labbook render`: an SVG file as it is, a PNG, GIF or JPEG (an imported
/// Jupyter output) inside an SVG of its own size as an embedded bitmap, which the HTML
/// report accepts as it accepts `imshow`'s.
enum LinkedImages {
    /// The figure at `image` (relative to the notebook's folder); nil when the file cannot
    /// be read or is not an image.
    static func figure(_ image: String, notebookPath: String) -> OutputPart? {
        guard let data = contents(image, notebookPath: notebookPath) else { return nil }
        let bytes = [UInt8](data)
        let stand = "<Figure \((image as NSString).lastPathComponent)>"
        switch (image as NSString).pathExtension.lowercased() {
        case "svg":
            guard let svg = String(data: data, encoding: .utf8) else { return nil }
            return .figure(OutputFigure(svg: svg, plainText: stand))
        case "png":
            guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
            return bitmap(data, mime: "image/png", width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4), stand)
        case "gif":
            guard bytes.count > 10, bytes.starts(with: Array("GIF".utf8)) else { return nil }
            return bitmap(data, mime: "image/gif", width: Int(bytes[6]) | Int(bytes[7]) << 8,
                          height: Int(bytes[8]) | Int(bytes[9]) << 8, stand)
        case "jpg", "jpeg":
            guard let (width, height) = jpegSize(bytes) else { return nil }
            return bitmap(data, mime: "image/jpeg", width: width, height: height, stand)
        default:
            return nil
        }
    }

    /// A bitmap that prose links by a relative path (`![digits](nb_files/attachment-1.png)`,
    /// as `labbook import` writes Jupyter attachments) as a `data:` URL, so the report stays
    /// one self-contained file: PNG, GIF, JPEG or WebP, recognised by their first bytes, at
    /// most 16 MB. Nil for anything else (a URL with a scheme, an absolute path, an SVG, which
    /// cmark-gfm's safe mode would not let through as a `data:` URL, a missing file).
    static func dataURL(_ image: String, notebookPath: String) -> String? {
        let scheme = image.prefix { $0.isLetter || $0.isNumber || "+-.".contains($0) }
        guard !image.hasPrefix("/"), !image.hasPrefix("#"), !(image.dropFirst(scheme.count).hasPrefix(":") && !scheme.isEmpty),
              let path = image.removingPercentEncoding,
              let data = contents(path, notebookPath: notebookPath), data.count <= 16 << 20 else { return nil }
        let bytes = [UInt8](data.prefix(12))
        let mime: String
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            mime = "image/png"
        } else if bytes.starts(with: Array("GIF8".utf8)) {
            mime = "image/gif"
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            mime = "image/jpeg"
        } else if bytes.count == 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            mime = "image/webp"
        } else {
            return nil
        }
        return "data:\(mime);base64,\(data.base64EncodedString())"
    }

    /// The file at `image`, relative to the notebook's folder.
    private static func contents(_ image: String, notebookPath: String) -> Data? {
        let folder = (notebookPath as NSString).deletingLastPathComponent
        return FileManager.default.contents(atPath: folder.isEmpty ? image : folder + "/" + image)
    }

    private static func bitmap(_ data: Data, mime: String, width: Int, height: Int, _ stand: String) -> OutputPart? {
        guard width > 0, height > 0 else { return nil }
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
            + "<image width=\"\(width)\" height=\"\(height)\" href=\"data:\(mime);base64,\(data.base64EncodedString())\"/></svg>"
        return .figure(OutputFigure(svg: svg, plainText: stand))
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    /// Width and height from a JPEG's start-of-frame marker.
    private static func jpegSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            let length = bigEndian(bytes, index + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (bigEndian(bytes, index + 7, 2), bigEndian(bytes, index + 5, 2))
            }
            index += 2 + length
        }
        return nil
    }
}
