import CellLanguage
import CellOutput

/// The names each failed cell would have bound, so a later `NameError` for one of them
/// says where the real cause is: `NameError: name 'model' is not defined (cell 5, which
/// defines it, failed)`, on stderr and in the report, instead of reading like a typo.
struct FailedDefinitions {
    private var failed: [(cellNumber: Int, names: Set<String>)] = []

    /// Remembers that cell `cellNumber` (1-based, as in `Cell In[5]`) failed.
    mutating func noteFailure(cellNumber: Int, source: String) {
        failed.append((cellNumber, CellBindings.topLevelNames(source)))
    }

    /// `outputs` with a knock-on NameError explained (unchanged otherwise).
    func explain(_ outputs: [OutputPart]) -> [OutputPart] {
        outputs.map { part in
            guard case .error(let e) = part, let explained = explain(e) else { return part }
            return .error(explained)
        }
    }

    private func explain(_ error: CellError) -> CellError? {
        let prefix = "name '", suffix = "' is not defined"
        guard error.typeName == "NameError", error.message.hasPrefix(prefix), error.message.hasSuffix(suffix) else {
            return nil
        }
        let name = String(error.message.dropFirst(prefix.count).dropLast(suffix.count))
        guard let culprit = failed.last(where: { $0.names.contains(name) }) else { return nil }
        var explained = error
        explained.message += " (cell \(culprit.cellNumber), which defines it, failed)"
        if let range = explained.traceback.range(of: error.summary, options: .backwards) {
            explained.traceback.replaceSubrange(range, with: explained.summary)
        }
        return explained
    }
}
