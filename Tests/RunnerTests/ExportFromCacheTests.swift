import Foundation
import Runner
import TestSupport
import Testing

/// `labbook export` of an executed notebook takes the typed outputs the cache holds when they
/// agree with the Markdown's output blocks, and the blocks' text when they do not.
@Suite(.serialized) struct ExportFromCacheTests {
    static let text = """
        # Typed

        ```python
        from tensorflow import keras
        model = keras.models.Sequential([keras.layers.Dense(2, input_shape=(3,))])
        model.summary()
        ```

        ```python
        print('printed')
        6 * 7
        ```

        """

    func export(_ path: String) throws -> String {
        let ipynb = (path as NSString).deletingLastPathComponent + "/nb.ipynb"
        try JupyterExport.export(path: path, ipynb: ipynb, warn: { _ in })
        return try String(contentsOfFile: ipynb, encoding: .utf8)
    }

    @Test func typedWhereTheCacheAgreesTextOtherwise() throws {
        let nb = try CachedNotebook(Self.text)
        defer { try? FileManager.default.removeItem(at: nb.directory) }
        _ = try nb.run()
        let typed = try export(nb.markdownPath)
        #expect(typed.contains("\"text/html\": [") && typed.contains("\"<tr><td>dense_1 (Dense)</td><td>(None, 2)</td><td>8</td></tr>\\n\""), "\(typed)")
        #expect(typed.contains("\"output_type\": \"execute_result\"") && typed.contains("\"42\"\n"), "\(typed)")
        // An output block edited by hand no longer agrees with the cache: exported as text.
        let edited = try String(contentsOfFile: nb.markdownPath, encoding: .utf8).replacingOccurrences(of: "\n42\n", with: "\n43\n")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: nb.markdownPath))
        let plain = try export(nb.markdownPath)
        #expect(!plain.contains("execute_result") && plain.contains("\"printed\\n\",\n      \"43\\n\""), "\(plain)")
        #expect(plain.contains("\"text/html\""))  // the first cell still agrees
    }
}
