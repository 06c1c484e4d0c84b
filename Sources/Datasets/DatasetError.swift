/// Everything that can go wrong finding, reading, importing or downloading a dataset.
/// `description` is the complete message for people: it names the file and what to do.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nowhere in the search order had the data and it could not be downloaded.
    /// `download` says why not (offline, or the failure).
    case notFound(Dataset, searched: [DatasetProbe], download: String)
    /// A file's content is not the canonical data it claims to be.
    case checksumMismatch(file: String, expected: String, actual: String, advice: String)
    /// A file could be read but is not valid for its format.
    case malformed(file: String, reason: String)
    /// A file could not be read at all (missing, permissions, a directory).
    case unreadable(file: String, reason: String)
    /// Import input that cannot make a dataset (missing parts, mismatched counts, bad labels).
    case invalidImport(file: String, reason: String)
    /// Writing into a cache directory failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let dataset, let searched, let download):
            var lines = ["\(dataset.title) was not found. Looked in, in order:"]
            for (index, probe) in searched.enumerated() { lines.append("  \(index + 1). \(probe.summary)") }
            lines.append("  download: \(download)")
            lines.append("To provide it:")
            lines += dataset.provideHints.map { "  - " + $0 }
            return lines.joined(separator: "\n")
        case .checksumMismatch(let file, let expected, let actual, let advice):
            return "\(file): checksum mismatch, the data is not the canonical set (sha-256 \(actual), expected \(expected)). \(advice)"
        case .malformed(let file, let reason):
            return "\(file): \(reason)"
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .invalidImport(let file, let reason):
            return "\(file): \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}
