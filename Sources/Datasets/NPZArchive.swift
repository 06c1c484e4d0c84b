/// numpy's `.npz`: a zip archive of `.npy` arrays, as `np.savez` / `np.savez_compressed` write
/// it and as Keras caches `mnist.npz`.
enum NPZArchive {
    /// The four arrays `x_train`, `y_train`, `x_test`, `y_test`, in `DatasetPart` order.
    static func readParts(_ bytes: [UInt8], file: String) throws(DatasetError) -> [UInt8Array] {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes) } catch { throw .malformed(file: file, reason: error.reason) }
        var parts: [UInt8Array] = []
        for part in DatasetPart.allCases {
            guard let entry = archive.entries.first(where: { $0.name == part.npzKey + ".npy" }) else {
                let names = archive.entries.map { $0.name.replacingSuffix(".npy") }.joined(separator: ", ")
                throw .malformed(file: file, reason: "no array \(part.npzKey) in the .npz (it has: \(names.isEmpty ? "nothing" : names)); expected x_train, y_train, x_test, y_test")
            }
            do {
                parts.append(try NPYFile.parse(try archive.contents(of: entry)))
            } catch {
                throw .malformed(file: "\(file) (\(part.npzKey))", reason: error.reason)
            }
        }
        return parts
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
