import Foundation

/// An image that travels between a notebook's `NB_files/` folder and a Jupyter output or
/// attachment: its file name and bytes, and the MIME type that names it in Jupyter.
///
///     MediaFile(name: "cell-3-1.png", data: png).mimeType   // "image/png"
public struct MediaFile: Sendable, Equatable {
    /// The file's name in `NB_files/` (no folder).
    public var name: String
    /// The image bytes (SVG as UTF-8 text).
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    /// The image types Jupyter front ends show, with the file extension Labbook gives each.
    static let extensions: [(mime: String, ext: String)] = [
        ("image/png", "png"), ("image/jpeg", "jpg"), ("image/gif", "gif"), ("image/svg+xml", "svg"),
    ]

    /// From the extension; nil for a file Jupyter would not show as an image.
    public var mimeType: String? {
        let ext = (name as NSString).pathExtension.lowercased()
        if ext == "jpeg" { return "image/jpeg" }
        return Self.extensions.first { $0.ext == ext }?.mime
    }

    /// The value of the MIME bundle entry: SVG as text, bitmaps base64-encoded (as Jupyter
    /// stores them).
    var bundleValue: JSONValue? {
        guard let mime = mimeType else { return nil }
        if mime == "image/svg+xml" {
            guard let text = String(data: data, encoding: .utf8) else { return nil }
            return JSONValue.lines(text)
        }
        return .string(data.base64EncodedString() + "\n")
    }

    /// Decodes a MIME bundle entry of type `mime` (SVG text, or base64 with or without
    /// line breaks); nil when it is not what it says.
    static func decode(_ value: JSONValue, mime: String) -> Data? {
        guard let text = value.multilineText else { return nil }
        if mime == "image/svg+xml" { return Data(text.utf8) }
        return Data(base64Encoded: text, options: .ignoreUnknownCharacters)
    }

    /// A name safe in a folder and a Markdown link: letters, digits, `-`, `_` and `.` kept,
    /// anything else `_`.
    static func safeName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { scalar -> Character in
            let ok = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || "-_.".unicodeScalars.contains(scalar)
            return ok ? Character(scalar) : "_"
        })
        let trimmed = cleaned.drop { $0 == "." }
        return trimmed.isEmpty ? "file" : String(trimmed)
    }
}
