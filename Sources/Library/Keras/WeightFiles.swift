import CellLanguage
import Foundation
import NeuralEngine

/// `model.save_weights(path)`, `model.load_weights(path)`, `ModelCheckpoint(save_weights_only=True)`
/// and `tf.train.latest_checkpoint(folder)`, with TensorFlow's file names and Labbook's own
/// content: one JSON document of the weights in Keras order,
///
///     {"format": "labbook-keras-weights", "version": 1, "weights": [ ...tensors... ]}
///
/// A path ending in `.h5` or `.keras` is that file. Any other path is a TensorFlow checkpoint
/// prefix, as in `tf.keras`: the weights go to `PATH.index` (TensorFlow's index file name;
/// there is no `.data-00000-of-00001` shard) and the folder's `checkpoint` file names the
/// checkpoint as TensorFlow's does, which is what `tf.train.latest_checkpoint` reads. Folders
/// are made as needed. Keras' HDF5 files and TensorFlow's checkpoints are not read.
enum WeightFiles {
    private static let envelope = KerasFileEnvelope<[Tensor]>(format: "labbook-keras-weights", version: 1, key: "weights")

    /// Whether `path` names one file (HDF5 by its extension) rather than a checkpoint prefix.
    private static func isSingleFile(_ path: String) -> Bool {
        path.hasSuffix(".h5") || path.hasSuffix(".hdf5") || path.hasSuffix(".keras")
    }

    /// `save_weights(filepath, overwrite=True, save_format=None)`.
    static func saveWeights(_ model: Sequential, _ arguments: Arguments) throws {
        let a = try arguments.bind("save_weights", ["filepath", .init("overwrite", default: .bool(true)),
                                                    .init("save_format", default: .none), .init("options", default: .none)])
        try save(model, to: try Convert.string(a["filepath"], "filepath"))
    }

    /// `load_weights(filepath, by_name=False, skip_mismatch=False)`.
    static func loadWeights(_ model: Sequential, _ arguments: Arguments) throws {
        let a = try arguments.bind("load_weights", ["filepath", .init("by_name", default: .bool(false)),
                                                    .init("skip_mismatch", default: .bool(false)), .init("options", default: .none)])
        guard !a["by_name"].isTruthy else {
            throw PyException(.valueError, "load_weights(by_name=True) is not supported by Labbook: weights load in the model's order")
        }
        try load(model, from: try Convert.string(a["filepath"], "filepath"))
    }

    static func save(_ model: Sequential, to path: String) throws {
        guard model.isBuilt else {
            throw PyException(.valueError, "Unable to save weights: the model \(model.name) is not built yet. Build it "
                              + "(give the first layer an input_shape, or call fit or build) before saving its weights.")
        }
        let data = try envelope.encode(model.getWeights())
        let file = isSingleFile(path) ? path : path + ".index"
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try data.write(to: URL(fileURLWithPath: file), options: .atomic)
            if !isSingleFile(path) {
                // TensorFlow's checkpoint state, relative to the folder, as `save_weights` records it.
                let name = (path as NSString).lastPathComponent
                let state = "model_checkpoint_path: \"\(name)\"\nall_model_checkpoint_paths: \"\(name)\"\n"
                let stateFile = folder.isEmpty ? "checkpoint" : folder + "/checkpoint"
                try Data(state.utf8).write(to: URL(fileURLWithPath: stateFile), options: .atomic)
            }
        } catch {
            throw PyException(.osError, "Unable to save the weights to '\(path)': \(error.localizedDescription)")
        }
    }

    static func load(_ model: Sequential, from path: String) throws {
        let file = isSingleFile(path) ? path : path + ".index"
        guard let data = FileManager.default.contents(atPath: file) ?? FileManager.default.contents(atPath: path) else {
            throw PyException(.osError, "No weights found at \(path)" + (file == path ? "" : " (looked for \(file))"))
        }
        let weights: [Tensor]
        do throws(KerasFileEnvelope<[Tensor]>.ReadFailure) {
            weights = try envelope.decode(data)
        } catch {
            switch error {
            case .malformed:
                throw PyException(.valueError, "\(path) holds no weights saved by Labbook's save_weights() (Keras' HDF5 files and "
                                  + "TensorFlow's checkpoints are not read)")
            case .unsupported(let format, let version):
                throw PyException(.valueError, "\(path): unsupported weights file (format \(format) version \(version))")
            }
        }
        try pythonErrors { try model.setWeights(weights) }
    }

    /// `tf.train.latest_checkpoint(checkpoint_dir, latest_filename=None)`: the checkpoint the
    /// folder's `checkpoint` file names, joined to the folder, or None.
    static func latestCheckpoint() -> Value {
        .builtin(BuiltinFunction("latest_checkpoint") { arguments, _ in
            let a = try arguments.bind("latest_checkpoint", ["checkpoint_dir", .init("latest_filename", default: .none)])
            let folder = try Convert.string(a["checkpoint_dir"], "checkpoint_dir")
            let stateName = a["latest_filename"].isNone ? "checkpoint" : try Convert.string(a["latest_filename"], "latest_filename")
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(stateName)),
                  let text = String(data: data, encoding: .utf8) else { return .none }
            for line in text.split(separator: "\n") where line.hasPrefix("model_checkpoint_path:") {
                let quoted = line.dropFirst("model_checkpoint_path:".count).trimmingCharacters(in: .whitespaces)
                let name = String(quoted.dropFirst().dropLast())
                let path = name.hasPrefix("/") ? name : (folder as NSString).appendingPathComponent(name)
                // TensorFlow returns the prefix only if its index file is there.
                return FileManager.default.fileExists(atPath: path + ".index") ? .str(path) : .none
            }
            return .none
        })
    }
}
