import CellLanguage
import Foundation
import NeuralEngine

/// `model.save(path)` and `keras.models.load_model(path)`: Labbook's own model file, one
/// JSON document whatever the file's extension (`.h5`, `.keras`):
///
///     {"format": "labbook-keras-model", "version": 1, "model": { ...ModelState... }}
///
/// `model` is the engine's `ModelState`: the model name, each layer's kind and
/// configuration, every weight (shape and little-endian float32 bytes in base64), the
/// input shape, and the compile settings with the optimizer's state, so a loaded model
/// predicts and goes on training exactly as the saved one. Keras' HDF5 files are not read.
enum ModelFile {
    private static let envelope = KerasFileEnvelope<ModelState>(format: "labbook-keras-model", version: 1, key: "model")

    /// The file inside the folder `save(path, save_format='tf')` makes (TensorFlow's SavedModel
    /// folder holds `saved_model.pb` and `variables/`; Labbook's holds this one file).
    static let folderFile = "labbook_model.json"

    /// `model.save(path, save_format=...)`: `'tf'` makes a folder at `path` (as TensorFlow's
    /// SavedModel does) holding the model file; otherwise (`None`, `'h5'`) one file at `path`.
    static func save(_ model: Sequential, to path: String, format: Value) throws {
        switch format {
        case .none, .str("h5"), .str("keras"): try save(model, to: path)
        case .str("tf"):
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw PyException(.osError, "Unable to save the model to '\(path)': \(error.localizedDescription)")
            }
            try save(model, to: (path as NSString).appendingPathComponent(folderFile))
        default:
            throw PyException(.valueError, "Unknown format. Received: `save_format`=\(format.repr). "
                              + "Labbook accepts 'tf' (a folder), 'h5' and None")
        }
    }

    static func save(_ model: Sequential, to path: String) throws {
        let data: Data
        do {
            data = try envelope.encode(model.state)
        } catch {
            throw PyException(.valueError, "cannot encode the model: \(error)")
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PyException(.osError, "Unable to save the model to '\(path)': \(error.localizedDescription)")
        }
    }

    static func load(_ path: String) throws -> ModelState {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            let inner = (path as NSString).appendingPathComponent(folderFile)
            guard FileManager.default.fileExists(atPath: inner) else {
                throw PyException(.osError, "\(path) is a folder without \(folderFile): Labbook loads only models saved by "
                                  + "Labbook's model.save() (TensorFlow's SavedModel folders are not read)")
            }
            return try load(inner)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PyException(.osError, "No file or directory found at \(path)")
        }
        if data.starts(with: [0x89, 0x48, 0x44, 0x46]) {
            throw PyException(.osError, "\(path) is a Keras HDF5 file; Labbook loads only models saved by Labbook's model.save()")
        }
        do throws(KerasFileEnvelope<ModelState>.ReadFailure) {
            return try envelope.decode(data)
        } catch {
            switch error {
            case .malformed(let error):
                throw PyException(.valueError, "\(path) is not a model saved by Labbook's model.save() (\(error))")
            case .unsupported(let format, let version):
                throw PyException(.valueError, "\(path): unsupported model file (format \(format) version \(version))")
            }
        }
    }
}
