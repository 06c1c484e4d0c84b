import Foundation
import NotebookCache

/// The run records in a cache folder's `runs/`: written after every run, listed by
/// `labbook runs NB.md`, kept by `labbook cache clean` unless `--runs`.
///
///     try RunRecords.save(record, cacheDirectory: ".labbook")   // .labbook/runs/<id>.json
///     RunRecords.load(cacheDirectory: ".labbook", notebook: "nb.md")   // newest first
public enum RunRecords {
    /// The folder inside the cache folder.
    public static let folderName = "runs"

    /// Writes `record` as `runs/<id>.json` (a temporary file renamed into place, so a reader
    /// sees the whole record or none). The folder must be a Labbook cache folder.
    public static func save(_ record: RunRecord, cacheDirectory: String) throws {
        let folder = cacheDirectory + "/" + folderName
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try write(record, to: folder + "/" + record.id + ".json")
    }

    /// Writes `record` to `path` through a temporary file renamed into place.
    public static func write(_ record: RunRecord, to path: String) throws {
        let temporary = path + ".\(getpid()).tmp"
        try encoder().encode(record).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw RunFailure(message: "\(path): cannot write the run record: \(reason)")
        }
    }

    /// The records of the notebook named `notebook` (its file name), newest first; files
    /// that do not read as a record of this version are skipped.
    public static func load(cacheDirectory: String, notebook: String) -> [RunRecord] {
        let folder = cacheDirectory + "/" + folderName
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let decoder = decoder()
        let records = names.filter { $0.hasSuffix(".json") }.compactMap { name -> RunRecord? in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                  let record = try? decoder.decode(RunRecord.self, from: data),
                  record.version == RunRecord.currentVersion,
                  URL(fileURLWithPath: record.notebook.path).lastPathComponent == notebook
            else { return nil }
            return record
        }
        return records.sorted { ($0.started, $0.id) > ($1.started, $1.id) }
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// `labbook runs NB.md`: one line per run, newest first; `json` prints the records as a
    /// JSON array instead.
    ///
    ///     id                        started               exit  cells ran/cached  seconds  parameters   metrics
    ///     20261206-104740-3fa2c1d0  2026-12-06 10:47 UTC  0     3/9               41.2     units=128    test_acc=0.9731
    public static func list(notebookPath: String, cacheDirectory: String?, json: Bool) throws(RunFailure) -> String {
        let directory = CacheCommands.directory(forNotebook: notebookPath, cacheDirectory: cacheDirectory)
        let name = URL(fileURLWithPath: notebookPath).lastPathComponent
        let records = load(cacheDirectory: directory, notebook: name)
        if json {
            do {
                return String(decoding: try encoder().encode(records), as: UTF8.self) + "\n"
            } catch {
                throw RunFailure(message: "cannot encode the run records: \(error)")
            }
        }
        guard !records.isEmpty else { return "no runs recorded for \(name) in \(directory)/\(folderName)\n" }
        var rows = [["id", "started", "exit", "ran/cached", "seconds", "parameters", "metrics"]]
        for record in records {
            let ran = record.cells.filter { $0.status == "ran" || $0.status == "failed" }.count
            let cached = record.cells.filter { $0.status == "cached" }.count
            rows.append([
                record.id, record.started, String(record.exitCode), "\(ran)/\(cached)",
                String(format: "%.1f", record.seconds),
                record.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                record.metrics.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: " "),
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}
