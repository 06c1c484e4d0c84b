import CellOutput
import Foundation
import NeuralEngine
import NotebookCache

/// What one `labbook run` did and produced, as the JSON document written to the cache
/// folder's `runs/` (see docs/runs.md). `version` changes when a field changes meaning or
/// goes away; new fields may appear without a change.
///
///     {"version": 1, "id": "20261206-104740-3fa2c1d0", "notebook": {"path": "nb.md", ...},
///      "parameters": {"units": "128"}, "seed": 0, "cells": [...], "fits": [...], ...}
public struct RunRecord: Sendable, Equatable, Codable {
    public static let currentVersion = 1

    public var version = RunRecord.currentVersion
    /// `yyyyMMdd-HHmmss-` and 8 random hex digits: sorts by start time, unique per run.
    public var id: String
    public var notebook: NotebookIdentity
    /// Every parameter after `-P` overrides, as its Python literal (`"0.01"`, `"'relu'"`).
    public var parameters: [String: String]
    public var seed: Int
    public var labbook: String
    /// The BLAS library, its kernel and thread count (`labbook --version`).
    public var blas: String
    /// ISO 8601, UTC, to the millisecond (`2026-12-06T10:47:40.125Z`).
    public var started: String
    public var seconds: Double
    /// The run's exit code: 0, 1 (a cell failed) or 130 (Ctrl-C).
    public var exitCode: Int32
    public var cells: [CellRecord]
    public var fits: [Fit]
    public var evaluations: [Evaluation]
    /// The final values of the globals front-matter `metrics:` lists (`null`: unbound, or
    /// not a number, a bool or a string of at most 200 characters).
    public var metrics: [String: MetricValue]
    /// The names front-matter `metrics:` lists, in its order (the first is what `labbook
    /// compare` sorts by); nil when it lists none.
    public var metricNames: [String]?
    /// The run's place in a sweep (`--sweep`): the grid and which point this is; nil for a
    /// plain run.
    public var sweep: SweepPoint?

    public struct NotebookIdentity: Sendable, Equatable, Codable {
        /// As given on the command line.
        public var path: String
        /// SHA-256 of the file's bytes when the run started.
        public var sha256: String
    }

    public struct CellRecord: Sendable, Equatable, Codable {
        public var index: Int
        /// The line of its opening fence.
        public var line: Int
        public var id: String?
        /// `ran`, `cached`, `failed` (ran and raised), `skipped`.
        public var status: String
        /// How long it ran (for a cached cell: when it last actually ran).
        public var seconds: Double
    }

    /// A `fit`: the cell it ran in (0-based index) and what `FitRecord` holds.
    public struct Fit: Sendable, Equatable, Codable {
        public var cell: Int
        public var fit: FitRecord
    }

    /// A sweep's grid (its axes, the first varying slowest) and the 0-based index of this
    /// run's point in it: shards of one sweep carry the same grid, so their records merge.
    public struct SweepPoint: Sendable, Equatable, Codable {
        public var axes: [Sweep.Axis]
        public var point: Int
        public init(axes: [Sweep.Axis], point: Int) {
            self.axes = axes
            self.point = point
        }
    }

    /// An `evaluate`: the cell and its values by name.
    public struct Evaluation: Sendable, Equatable, Codable {
        public var cell: Int
        public var model: String
        public var results: [String: Double]
    }
}

/// A metric's final value in a record: a JSON number, bool or string, or `null`.
public enum MetricValue: Sendable, Equatable, Codable {
    case int(Int)
    case number(Double)
    case bool(Bool)
    case string(String)
    case none

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .none }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let int = try? container.decode(Int.self) { self = .int(int) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else { self = .string(try container.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .none: try container.encodeNil()
        }
    }

    /// As the `labbook runs` table shows it: `0.9731`, `True`, `'relu'`, `-`.
    public var text: String {
        switch self {
        case .int(let value): return String(value)
        case .number(let value): return value.isFinite ? String(format: "%.4g", value) : String(value)
        case .bool(let value): return value ? "True" : "False"
        case .string(let value): return value
        case .none: return "-"
        }
    }
}

extension RunRecord {
    /// The record of a finished run.
    init(result: RunResult, notebookPath: String, notebookBytes: Data, startDate: Date) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let stamp = DateFormatter()
        stamp.locale = Locale(identifier: "en_US_POSIX")
        stamp.timeZone = TimeZone(identifier: "UTC")
        stamp.dateFormat = "yyyyMMdd-HHmmss"
        id = stamp.string(from: startDate) + "-" + String(format: "%08x", UInt32.random(in: 0...UInt32.max))
        notebook = NotebookIdentity(path: notebookPath, sha256: BlobHash.of(notebookBytes).hex)
        parameters = Dictionary(result.parameters.map { ($0.name, $0.literal) }, uniquingKeysWith: { $1 })
        seed = result.seed
        labbook = LabbookVersion.current
        blas = BLASReport.current().identity
        started = formatter.string(from: startDate)
        seconds = result.totalSeconds
        exitCode = result.exitCode
        var byIndex: [Int: CellRun] = [:]
        for cell in result.cells { byIndex[cell.cellIndex] = cell }
        cells = result.notebook.cells.map { cell in
            let run = byIndex[cell.index]
            let status = run.map { $0.error != nil ? "failed" : $0.cached ? "cached" : "ran" } ?? "skipped"
            return CellRecord(index: cell.index, line: cell.fenceLine, id: cell.options.id, status: status,
                              seconds: run?.seconds ?? 0)
        }
        fits = []
        evaluations = []
        for cell in result.cells {
            for case .record(let record) in cell.outputs {
                switch record {
                case .fit(let fit):
                    fits.append(Fit(cell: cell.cellIndex, fit: fit))
                case .evaluation(let evaluation):
                    evaluations.append(Evaluation(
                        cell: cell.cellIndex, model: evaluation.model,
                        results: Dictionary(evaluation.results.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })))
                }
            }
        }
        metrics = result.metrics
        let names = result.notebook.frontMatter.metrics
        metricNames = names.isEmpty ? nil : names
    }
}
