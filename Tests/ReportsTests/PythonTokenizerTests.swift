import Testing
@testable import Reports

@Suite struct PythonTokenizerTests {
    /// Joins the tokens back; highlighting must never lose or add a character.
    func roundTrip(_ source: String) -> String {
        PythonTokenizer.tokens(source).map(\.text).joined()
    }

    /// Our tokens with whitespace dropped and each f-string glued back into one, to compare
    /// with CPython's `tokenize`, which keeps an f-string whole.
    func cpythonView(_ source: String) -> [String] {
        var merged: [String] = []
        var depth = 0
        var glue = false
        for token in PythonTokenizer.tokens(source) where token.kind != .whitespace {
            if glue || depth > 0 || token.kind == .interpolation, !merged.isEmpty {
                merged[merged.count - 1] += token.text
            } else {
                merged.append(token.text)
            }
            if token.kind == .interpolation { depth += token.text == "{" ? 1 : -1 }
            glue = token.kind == .interpolation && depth == 0
        }
        return merged
    }

    @Test func splitsLikeCPythonTokenize() {
        let source = #"""
            import numpy as np
            from keras.models import Sequential
            # Build a dense network
            def build(units=32, layers=2):
                model = Sequential()
                for i in range(layers):
                    model.add(Dense(units, activation='sigmoid', name=f"dense_{i}"))
                return model
            history = model.fit(x_train, y_train, batch_size=128, epochs=5, validation_split=.1, verbose=False)
            loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
            print(f'Test loss: {loss:.3}', 1e-5, 0x1F, 3.14j, None)
            s = """triple
            'quoted'""" + r'\\d+' + b"raw"

            """#
        // CPython 3.11 `tokenize.generate_tokens` on the same text, NEWLINE/NL/INDENT/DEDENT dropped.
        let expected = [
            "import", "numpy", "as", "np", "from", "keras", ".", "models", "import", "Sequential",
            "# Build a dense network", "def", "build", "(", "units", "=", "32", ",", "layers", "=", "2",
            ")", ":", "model", "=", "Sequential", "(", ")", "for", "i", "in", "range", "(", "layers",
            ")", ":", "model", ".", "add", "(", "Dense", "(", "units", ",", "activation", "=",
            "'sigmoid'", ",", "name", "=", "f\"dense_{i}\"", ")", ")", "return", "model", "history",
            "=", "model", ".", "fit", "(", "x_train", ",", "y_train", ",", "batch_size", "=", "128",
            ",", "epochs", "=", "5", ",", "validation_split", "=", ".1", ",", "verbose", "=",
            "False", ")", "loss", ",", "accuracy", "=", "model", ".", "evaluate", "(", "x_test", ",",
            "y_test", ",", "verbose", "=", "0", ")", "print", "(", "f'Test loss: {loss:.3}'", ",",
            "1e-5", ",", "0x1F", ",", "3.14j", ",", "None", ")", "s", "=",
            "\"\"\"triple\n'quoted'\"\"\"", "+", "r'\\\\d+'", "+", "b\"raw\"",
        ]
        #expect(cpythonView(source) == expected)
        #expect(roundTrip(source) == source)
    }

    @Test func classifiesForHighlighting() {
        let tokens = PythonTokenizer.tokens("def fit(self):\n    return len(x.sum) is None  # ok")
            .filter { $0.kind != .whitespace }
        let kinds = tokens.map(\.kind)
        #expect(kinds == [
            .keyword, .definition, .punctuation, .builtin, .punctuation, .punctuation,
            .keyword, .builtin, .punctuation, .name, .punctuation, .name, .punctuation,
            .keyword, .constant, .comment,
        ])
        // `sum` after a dot is an attribute, not the builtin.
        #expect(tokens[11] == PythonToken(.name, "sum"))
    }

    @Test func splitsFStringFields() {
        let tokens = PythonTokenizer.tokens("f'{a!r:>8} {{x}} {b[\"k\"]}'")
        #expect(tokens == [
            PythonToken(.string, "f'"), PythonToken(.interpolation, "{"), PythonToken(.name, "a"),
            PythonToken(.interpolation, "!r:>8}"), PythonToken(.string, " {{x}} "),
            PythonToken(.interpolation, "{"), PythonToken(.name, "b"), PythonToken(.punctuation, "["),
            PythonToken(.string, "\"k\""), PythonToken(.punctuation, "]"),
            PythonToken(.interpolation, "}"), PythonToken(.string, "'"),
        ])
    }

    @Test(arguments: [
        "", "'", "\"\"\"", "'''abc", "f'{", "f'{'", "f\"{x", "f'}'", "x = 'unterminated\ny = 2",
        "\\", "a \\\n  b", "\\x", "$ ? `", "1e", "1e+", "0x", ".", "...", "#", "\r\n\r\n",
        "\t\tif x:\r\n\t\t\tpass", "s = 'a\\'b'", "b'\\", "é = naïve_ü + 变量", "🙂 = 1",
        "e\u{301} = 'cafe\u{301}'", "rb'x' Rb\"y\" BR'''z'''", "f'''{x:{w}.{p}}'''",
        "x = {'a': [1, 2], **d}", "lambda *a, **k: a @ b // c ** -d", "print(f'{x!=y}')",
    ])
    func neverLosesACharacter(source: String) {
        #expect(roundTrip(source) == source)
    }

    /// Random soup of Python's awkward characters, from a fixed seed.
    @Test func randomSourcesRoundTrip() {
        let pool = Array("'\"\\fFrRbB{}[]()#:!=.0123456789eExj_ \t\n\r+-*/%<>@é😀$`?;,")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var source = ""
            for _ in 0..<Int(state % 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                source.append(pool[Int((state >> 33) % UInt64(pool.count))])
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            #expect(roundTrip(source) == source, "lost characters in \(source.debugDescription)")
        }
    }

    @Test func highlightedHTMLIsEscaped() {
        let html = PythonHighlighter.html("print('<script>')  # </code>")
        #expect(html == "<span class=\"nb\">print</span><span class=\"p\">(</span>"
            + "<span class=\"s\">&#39;&lt;script&gt;&#39;</span><span class=\"p\">)</span>"
            + "  <span class=\"c\"># &lt;/code&gt;</span>")
    }
}
