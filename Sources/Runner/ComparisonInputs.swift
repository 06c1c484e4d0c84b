import Foundation
import NotebookCache

/// The records `labbook compare RUN...` names: record files, sweep folders (every record in
/// them: a sweep writes one per point beside its Markdown; the folders of a sweep's shards
/// can be given together) and record ids (or the start of one) in the cache folder's `runs/`.
///
///     let inputs = try ComparisonInputs.load(["nb.sweep"], cacheDirectory: nil)
///     inputs.records.count    // one per point that has run
///     inputs.notes            // ["2 of 6 points of the sweep have no record: units=512, lr=0.01; ..."]
public struct ComparisonInputs: Sendable {
    /// In the order given; a folder's records (and those of several folders of one sweep)
    /// in the sweep's order. Each run once.
    public var records: [RunRecord]
    /// What the reader should know: records left out, points of the sweep not there.
    public var notes: [String]
    /// Each run's own HTML report, where one lies beside its record (a sweep run with
    /// `--html` writes `NB.sweep/<point>.html` beside `<point>.json`), by record id.
    public var reports: [String: String] = [:]

    /// Reads every argument; an argument that names nothing readable is an error naming it.
    /// `cacheDirectory` is where ids are looked up (default: `.labbook`).
    public static func load(_ arguments: [String], cacheDirectory: String?) throws(RunFailure) -> ComparisonInputs {
        var records: [RunRecord] = []
        var notes: [String] = []
        var folderRecords: [RunRecord] = []
        var reports: [String: String] = [:]
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    let found = try folder(argument)
                    folderRecords += found.map(\.record)
                    records += found.map(\.record)
                    for (record, path) in found { reports[record.id] = report(besideRecord: path) }
                } else {
                    let record = try file(argument)
                    records.append(record)
                    reports[record.id] = report(besideRecord: argument)
                }
            } else {
                records.append(try id(argument, cacheDirectory: cacheDirectory ?? NotebookCache.directoryName))
            }
        }
        var seen = Set<String>()
        records = records.filter { seen.insert($0.id).inserted }
        // The folders of one sweep (or of its shards) hold one grid; records of an earlier
        // sweep of other values left in them are not part of it.
        let grids = folderRecords.compactMap(\.sweep).map(\.axes)
        if let newest = folderRecords.filter({ $0.sweep != nil }).max(by: { ($0.started, $0.id) < ($1.started, $1.id) })?.sweep?.axes,
           grids.contains(where: { $0 != newest }) {
            let folderIDs = Set(folderRecords.map(\.id))
            let before = records.count
            records = records.filter { !folderIDs.contains($0.id) || $0.sweep?.axes == newest }
            notes.append("left out \(before - records.count) record\(before - records.count == 1 ? "" : "s") of an earlier sweep with other values")
        }
        // The points of one sweep, from however many shards' folders, in the grid's order,
        // and which points are missing (records named one by one keep their order: a two-run
        // difference is b - a; and they are not meant to be the whole sweep).
        if let axes = records.first?.sweep?.axes, records.allSatisfy({ $0.sweep?.axes == axes }),
           arguments.allSatisfy({ isFolder($0) }) {
            records.sort { ($0.sweep!.point, $0.started, $0.id) < ($1.sweep!.point, $1.started, $1.id) }
            if let missing = missingPoints(records) { notes.append(missing) }
        }
        guard !records.isEmpty else {
            throw RunFailure(message: "\(arguments.joined(separator: " ")): no run records to compare")
        }
        return ComparisonInputs(records: records, notes: notes, reports: reports)
    }

    /// `nb.sweep/units=32.html` for `nb.sweep/units=32.json`, if that file exists.
    static func report(besideRecord path: String) -> String? {
        guard path.hasSuffix(".json") else { return nil }
        let html = String(path.dropLast(5)) + ".html"
        return FileManager.default.fileExists(atPath: html) ? html : nil
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// When every record is a point of one sweep: the points that have none.
    static func missingPoints(_ records: [RunRecord]) -> String? {
        guard let axes = records.first?.sweep?.axes, records.allSatisfy({ $0.sweep?.axes == axes }) else { return nil }
        let present = Set(records.compactMap(\.sweep?.point))
        let points = Sweep(axes: axes).points
        let missing = points.filter { !present.contains($0.index) }
        guard !missing.isEmpty else { return nil }
        return "\(missing.count) of \(points.count) points of the sweep have no record (a shard not run or not merged yet?): "
            + missing.map(\.label).joined(separator: "; ")
    }

    /// Every record in a folder (`*.json` that read as records) and its file, in the sweep's
    /// order.
    static func folder(_ path: String) throws(RunFailure) -> [(record: RunRecord, path: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        let decoder = RunRecords.decoder()
        let records = names.compactMap { name -> (record: RunRecord, path: String)? in
            guard let data = FileManager.default.contents(atPath: path + "/" + name),
                  let record = try? decoder.decode(RunRecord.self, from: data) else { return nil }
            return (record, path + "/" + name)
        }
        guard !records.isEmpty else {
            throw RunFailure(message: "\(path): no run records in this folder; a sweep folder (NB.sweep/) holds one .json record per point, written by labbook run --sweep")
        }
        return records.sorted { a, b in
            (a.record.sweep?.point ?? Int.max, a.record.started, a.record.id) < (b.record.sweep?.point ?? Int.max, b.record.started, b.record.id)
        }
    }

    static func file(_ path: String) throws(RunFailure) -> RunRecord {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunFailure(message: "\(path): cannot read the file")
        }
        do {
            let record = try RunRecords.decoder().decode(RunRecord.self, from: data)
            guard record.version == RunRecord.currentVersion else {
                throw RunFailure(message: "\(path): a run record of version \(record.version); this Labbook reads version \(RunRecord.currentVersion)")
            }
            return record
        } catch let failure as RunFailure {
            throw failure
        } catch {
            throw RunFailure(message: "\(path): not a Labbook run record (\(describe(error))); give a record file from runs/ or a sweep folder")
        }
    }

    /// `20261206-114115-16d96135`, or the start of one that is unique, in `DIR/runs/`.
    static func id(_ text: String, cacheDirectory: String) throws(RunFailure) -> RunRecord {
        let folder = cacheDirectory + "/" + RunRecords.folderName
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }
        let ids = names.map { String($0.dropLast(5)) }.filter { $0.hasPrefix(text) }.sorted()
        if ids.contains(text) { return try file(folder + "/" + text + ".json") }
        switch ids.count {
        case 1: return try file(folder + "/" + ids[0] + ".json")
        case 0:
            throw RunFailure(message: "\(text): no such record file, folder or run id in \(folder); give a record file, a sweep folder or an id that labbook runs NB.md lists (--cache-dir DIR for another cache)")
        default:
            throw RunFailure(message: "\(text): \(ids.count) run ids in \(folder) start with it (\(ids.prefix(3).joined(separator: ", "))\(ids.count > 3 ? ", ..." : "")); give more of it")
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)' field"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not JSON of a record" : "bad '\(path)'"
        default: return "\(error)"
        }
    }
}
