import Foundation
import Testing
@testable import Runner

/// What the standard-library modules and the "what is missing" errors do inside a real run.
@Suite struct StandardLibraryRunTests {
    @Test func knockOnNameErrorNamesTheFailedCell() throws {
        let nb = try TestNotebook("""
            ```python
            x = 1
            ```

            ```python
            model, history = build()
            ```

            ```python
            print(model)
            ```

            ```python
            print(typo_name)
            ```
            """)
        let (result, output) = try nb.run { $0.allowErrors = true }
        #expect(result.exitCode == 1)
        #expect(output.contains("NameError: name 'model' is not defined (cell 2, which defines it, failed)"))
        #expect(output.contains("NameError: name 'typo_name' is not defined\n"))
        #expect(output.contains("NameError: name 'build' is not defined\n"))
    }

    /// Classes, decorated definitions and `with` targets count as definitions too (a custom
    /// Keras callback class whose base is missing is the common case).
    @Test func knockOnNameErrorsForClassesDecoratorsAndWith() throws {
        let nb = try TestNotebook("""
            ```python
            class Printer(missing.Base):
                pass
            ```

            ```python
            @missing_decorator
            def helper():
                pass
            ```

            ```python
            with missing_manager() as handle:
                inside = 1
            ```

            ```python
            print(Printer)
            ```

            ```python
            print(helper)
            ```

            ```python
            print(handle)
            ```
            """)
        let (_, output) = try nb.run { $0.allowErrors = true }
        #expect(output.contains("NameError: name 'Printer' is not defined (cell 1, which defines it, failed)"), "\(output)")
        #expect(output.contains("NameError: name 'helper' is not defined (cell 2, which defines it, failed)"))
        #expect(output.contains("NameError: name 'handle' is not defined (cell 3, which defines it, failed)"))
    }

    @Test func filesAreRelativeToTheNotebookAndTheClockIsFixedWithoutTimings() throws {
        let nb = try TestNotebook("""
            ```python
            import time, os, json
            from collections import Counter
            f = open("notes.txt", "w"); f.write("a b a\\n"); f.close()
            f = open("notes.txt"); words = f.read().split(); f.close()
            print(Counter(words).most_common(1), os.path.exists("nb.md"))
            print(time.time(), time.strftime("%Y-%m-%d", time.gmtime()))
            print(json.dumps({"n": len(words)}))
            from datetime import datetime
            print(datetime.utcnow(), datetime.fromtimestamp(time.time()).year)
            ```
            """)
        let (result, output) = try nb.run()
        #expect(result.exitCode == 0)
        #expect(output.contains("[('a', 2)] True\n1767225600.0 2026-01-01\n{\"n\": 3}\n2026-01-01 00:00:00 2026\n"))
        #expect(FileManager.default.fileExists(atPath: nb.directory.appendingPathComponent("notes.txt").path))
    }

    @Test func attributeOfTheRealLibrarySaysItIsAGap() throws {
        let nb = try TestNotebook("```python\nimport matplotlib.pyplot as plt\nplt.contourf\n```\n")
        let (_, output) = try nb.run()
        #expect(output.contains("""
            AttributeError: module 'matplotlib.pyplot' has no attribute 'contourf'
            Labbook does not implement matplotlib.pyplot.contourf yet; see docs/language.md
            """))
        let typo = try TestNotebook("```python\nimport numpy as np\nnp.arrray\n```\n")
        #expect(try typo.run().output.contains("AttributeError: module 'numpy' has no attribute 'arrray'\n```"))
    }
}
