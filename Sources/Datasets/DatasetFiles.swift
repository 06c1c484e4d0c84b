import Crypto
import Foundation

/// File reading, atomic writing and hashing for the dataset loaders, errors already
/// phrased for people.
enum DatasetFiles {
    static func read(_ path: String) throws(DatasetError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "it is a directory" : "permission denied or I/O error"
            throw .unreadable(file: path, reason: reason)
        }
    }

    /// The file's content, gunzipped when it is gzip.
    static func readDecompressed(_ path: String) throws(DatasetError) -> [UInt8] {
        let bytes = try read(path)
        guard Zlib.isGzip(bytes) else { return bytes }
        do { return try Zlib.inflate(bytes, format: .gzip) } catch { throw .malformed(file: path, reason: error.reason) }
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it into place, so a
    /// reader never sees a half-written file (rename is atomic within one file system).
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(DatasetError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .writeFailed(path: path, reason: error.localizedDescription)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of `array` written as an IDX file, without building that file: the
    /// canonical checksums are of the uncompressed IDX files, whatever format we read.
    static func idxSHA256(_ array: UInt8Array) -> String {
        var hasher = SHA256()
        hasher.update(data: IDXFile.header(for: array.shape))
        hasher.update(data: array.bytes)
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
