/// Whether loaded data is the canonical set Keras returns.
public enum DatasetVerification: Sendable, Equatable, CustomStringConvertible {
    /// Every array matches the canonical SHA-256 (or Keras' cached file its hash).
    case canonical
    /// Not the canonical set, and why (e.g. a smaller imported slice).
    case notCanonical(String)

    public var description: String {
        switch self {
        case .canonical: "verified (sha-256 matches the canonical data)"
        case .notCanonical(let reason): "not verified: \(reason)"
        }
    }
}

/// A dataset's four arrays, where they came from and whether they are the canonical data.
public struct LoadedDataset: Sendable {
    public let xTrain: UInt8Array
    public let yTrain: UInt8Array
    public let xTest: UInt8Array
    public let yTest: UInt8Array
    public let source: DatasetSource
    public let verification: DatasetVerification

    /// `((x_train, y_train), (x_test, y_test))`, exactly as Keras' `load_data()` returns them.
    public var arrays: ((UInt8Array, UInt8Array), (UInt8Array, UInt8Array)) {
        ((xTrain, yTrain), (xTest, yTest))
    }

    /// The arrays in `DatasetPart` order.
    var parts: [UInt8Array] { [xTrain, yTrain, xTest, yTest] }
}

extension LoadedDataset {
    /// Checks the arrays make a dataset: images `(n, 28, 28)`, labels `(n,)` in 0-9, the
    /// same `n` for a split's images and labels. `names` name each part's file for errors.
    static func validate(_ parts: [UInt8Array], names: [String]) throws(DatasetError) {
        for part in DatasetPart.allCases {
            let array = parts[part.rawValue], name = names[part.rawValue]
            if part.isImages {
                guard array.shape.count == 3, array.shape[1] == 28, array.shape[2] == 28 else {
                    throw .malformed(file: name, reason: "images must have shape (n, 28, 28), found \(shapeText(array.shape))")
                }
            } else {
                guard array.shape.count == 1 else {
                    throw .malformed(file: name, reason: "labels must have shape (n,), found \(shapeText(array.shape))")
                }
                if let bad = array.bytes.firstIndex(where: { $0 > 9 }) {
                    throw .malformed(file: name, reason: "label \(bad) is \(array.bytes[bad]), not a class 0-9")
                }
            }
        }
        for (images, labels) in [(DatasetPart.trainImages, DatasetPart.trainLabels), (.testImages, .testLabels)] {
            let n = parts[images.rawValue].count, m = parts[labels.rawValue].count
            guard n == m else {
                throw .malformed(file: names[labels.rawValue], reason: "\(m) labels for \(n) images in \(names[images.rawValue])")
            }
        }
    }

    /// Python's spelling of a shape: `(60000, 28, 28)`, `(60000,)`.
    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
