import CellLanguage
import Charts
import Foundation

/// The PIL image `keras.preprocessing.image.array_to_img` returns: 8-bit pixels in mode `L`
/// (one channel), `RGB` or `RGBA`, whose `save(path)` writes a PNG. Labbook encodes PNG only;
/// another extension is refused, naming the ones it writes.
///
///     img = tf.keras.preprocessing.image.array_to_img(generated_images[0] * 255.0, scale=False)
///     img.save("generated_img0.png")     # a 28 x 28 greyscale PNG
final class ImageObject: HostObject {
    let width: Int, height: Int
    /// "L", "RGB" or "RGBA".
    let mode: String
    /// `height * width * channels` bytes, row by row from the top.
    let pixels: [UInt8]

    init(width: Int, height: Int, mode: String, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.mode = mode
        self.pixels = pixels
    }

    var typeName: String { "Image" }
    // PIL prints the object's address; a fixed one keeps outputs deterministic.
    var repr: String { "<PIL.Image.Image image mode=\(mode) size=\(width)x\(height)>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "size": return .tuple([.int(width), .int(height)])
        case "width": return .int(width)
        case "height": return .int(height)
        case "mode": return .str(mode)
        case "save": return .builtin(BuiltinFunction("save") { arguments, _ in try self.save(arguments) })
        default: throw PyException(.attributeError, "'Image' object has no attribute '\(name)'")
        }
    }

    /// `save(fp, format=None)`: a PNG, written atomically; the path is relative to the working directory.
    private func save(_ arguments: Arguments) throws -> Value {
        let a = try arguments.bind("save", ["fp", .init("format", default: .none)], extraKeywords: true)
        let path = try Convert.string(a["fp"], "fp")
        let format = a["format"].isNone ? (path as NSString).pathExtension.lowercased() : try Convert.string(a["format"], "format").lowercased()
        guard !format.isEmpty else {
            throw PyException(.valueError, "unknown file extension: \(path) (Labbook writes PNG images: name the file .png)")
        }
        guard format == "png" else {
            throw PyException(.valueError, "unknown file extension: .\(format) (Labbook writes PNG images only: name the file .png)")
        }
        let png = PNGEncoder.encode(width: width, height: height, channels: mode == "L" ? 1 : mode == "RGB" ? 3 : 4, pixels: pixels)
        do {
            try Data(png).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(path).repr)")
        }
        return .none
    }

    /// `array_to_img(x, data_format=None, scale=True, dtype=None)`: a `(height, width, channels)`
    /// array of 1, 3 or 4 channels as an image. With `scale` the values are shifted to start at
    /// 0 and stretched to end at 255; the values then become bytes as NumPy's `astype("uint8")`
    /// makes them from floats in range (truncated toward zero; Labbook clamps values outside 0-255).
    static func arrayToImage() -> Value {
        .builtin(BuiltinFunction("array_to_img") { arguments, _ in
            let a = try arguments.bind("array_to_img", ["x", .init("data_format", default: .none), .init("scale", default: .bool(true)),
                                                        .init("dtype", default: .none)])
            if case .str(let format) = a["data_format"], format != "channels_last" {
                throw PyException(.valueError, "array_to_img(data_format=\(Value.str(format).repr)): Labbook's images are channels_last")
            }
            let x = try TensorConversion.array(a["x"]).tensor()
            guard x.shape.count == 3 else {
                throw PyException(.valueError, "Expected image array to have rank 3 (single image). Got array with shape: "
                                  + TensorShapeObject.text(x.shape))
            }
            let (height, width, channels) = (x.shape[0], x.shape[1], x.shape[2])
            let mode: String
            switch channels {
            case 1: mode = "L"
            case 3: mode = "RGB"
            case 4: mode = "RGBA"
            default: throw PyException(.valueError, "Unsupported channel number: \(channels)")
            }
            var values = x.scalars.map(Double.init)
            if a["scale"].isTruthy {
                let low = values.min() ?? 0
                values = values.map { $0 - low }
                let high = values.max() ?? 0
                if high != 0 { values = values.map { $0 / high } }
                values = values.map { $0 * 255 }
            }
            let pixels = values.map { UInt8(max(0, min(255, $0.isNaN ? 0 : $0.rounded(.towardZero)))) }
            return .host(ImageObject(width: width, height: height, mode: mode, pixels: pixels))
        })
    }
}
