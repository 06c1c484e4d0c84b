import Foundation
import NotebookCache
import NotebookFormat

/// `labbook cache info|clean NOTEBOOK.md`: what the cache beside a notebook holds, and
/// emptying it.
public enum CacheCommands {
    /// The cache folder a notebook uses: `dir`, or `.labbook/` beside it.
    public static func directory(forNotebook path: String, cacheDirectory: String?) -> String {
        cacheDirectory ?? NotebookCache.defaultDirectory(forNotebook: path)
    }

    /// A few lines for people: where the cache is, its size, its runs, and how many of the
    /// notebook's cells (with its default parameters and seed) are cached.
    ///
    ///     cache: nb/.labbook
    ///     24 entries, 3 blobs, 18.4 MB (bound: the last 5 runs per notebook, at most 2.0 GB)
    ///     2 runs recorded; last: nb.md, 12 cells, 2026-11-29 10:55 UTC
    ///     nb.md: 12 of 12 cells cached for runs with timings on
    ///     nb.md: 0 of 12 cells cached for runs with timings off
    public static func info(notebookPath: String, cacheDirectory: String?) throws(RunFailure) -> String {
        let directory = directory(forNotebook: notebookPath, cacheDirectory: cacheDirectory)
        let info = NotebookCache.info(directory: directory)
        guard info.exists else { return "no cache at \(directory)\n" }
        let policy = PrunePolicy.standard
        var lines = ["cache: \(directory)"]
        lines.append("\(info.entries) entries, \(info.blobs) blobs, \(bytes(info.totalBytes)) "
            + "(bound: the last \(policy.keepRuns) runs per notebook, at most \(bytes(policy.sizeBudget)))")
        if let last = info.lastRun {
            lines.append("\(info.runs) run\(info.runs == 1 ? "" : "s") recorded; last: \(last.notebook), "
                + "\(last.keys.count) cells, \(last.date.utcMinute)")
        } else {
            lines.append("no run recorded")
        }
        if let notebook = try? Notebook.load(path: notebookPath) {
            let name = URL(fileURLWithPath: notebookPath).lastPathComponent
            for timings in [true, false] {
                let chain = KeyChain(
                    sources: notebook.cells.map(\.source), engineVersion: CacheRun.engineVersion(timings: timings),
                    parameters: notebook.frontMatter.params.map { NotebookParameter($0.name, $0.value.pythonLiteral) },
                    seed: notebook.frontMatter.seed)
                let cached = NotebookCache.cachedCells(directory: directory, chain: chain)
                lines.append("\(name): \(cached) of \(chain.sources.count) cells cached for runs with timings \(timings ? "on" : "off")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Removes the notebook's cache, but for the run records unless `runs`; returns what was
    /// done, for people.
    public static func clean(notebookPath: String, cacheDirectory: String?, runs: Bool = false) throws(RunFailure) -> String {
        let directory = directory(forNotebook: notebookPath, cacheDirectory: cacheDirectory)
        do {
            let keeping = runs ? [] : NotebookCache.keptByClean
            guard try NotebookCache.clean(directory: directory, waiting: .wait(seconds: 2), keeping: keeping) else {
                return "no cache at \(directory)\n"
            }
            let kept = runs ? [] : ((try? FileManager.default.contentsOfDirectory(
                atPath: directory + "/" + RunRecords.folderName)) ?? []).filter { $0.hasSuffix(".json") }
            return kept.isEmpty ? "removed \(directory)\n"
                : "removed \(directory) but its \(kept.count) run record\(kept.count == 1 ? "" : "s") (--runs removes them too)\n"
        } catch {
            throw RunFailure(message: error.description)
        }
    }

    static func bytes(_ count: Int64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}
