import Foundation
import Testing
@testable import NotebookCache

@Suite struct CellKeyTests {
    let sources = ["#| id: load\nx = 1\n", "print(x)\n", "y = x * 2\n", "y\n"]

    /// The encoding is the documented one: recomputed independently with CPython's hashlib
    /// (length-prefixed fields, 8-byte big-endian lengths), so a change in it is caught.
    @Test func keyMatchesTheDocumentedEncoding() {
        let keys = CellKey.chain(
            sources: ["#| id: load\nx = 1\n", "print(x)\n"], engineVersion: Fixture.engine,
            parameters: Fixture.parameters, seed: 42)
        #expect(keys[0].hex == "484ba10ee50383101239e314ec8002f79926057c7aaf120b2a385cff6ad4feae")
        #expect(keys[1].hex == "1810aed6f1f7afba26b99c288dc1557c21e7446d3e04029f9c8767cd68978ff3")
        #expect(keys[0].short == "484ba10ee503")
    }

    @Test func sameInputsGiveSameKeys() {
        #expect(Fixture.keys(sources) == Fixture.keys(sources))
        #expect(Set(Fixture.keys(sources)).count == sources.count)
    }

    @Test(arguments: 0..<4) func editingCellKChangesKeysFromKOn(k: Int) {
        var edited = sources
        edited[k] += "# edited\n"
        let before = Fixture.keys(sources)
        let after = Fixture.keys(edited)
        for index in sources.indices {
            if index < k {
                #expect(before[index] == after[index], "cell \(index) before the edit keeps its key")
            } else {
                #expect(before[index] != after[index], "cell \(index) from the edit on gets a new key")
            }
        }
    }

    @Test func optionLineChangesTheKey() {
        var edited = sources
        edited[0] = "#| id: load\n#| cache: true\nx = 1\n"
        #expect(Fixture.keys(edited)[0] != Fixture.keys(sources)[0])
    }

    @Test func parametersSeedAndVersionsChangeEveryKey() {
        let base = Fixture.keys(sources)
        let variants: [[CellKey]] = [
            Fixture.keys(sources, seed: 1),
            CellKey.chain(sources: sources, engineVersion: "test-engine 2", parameters: Fixture.parameters, seed: 0),
            CellKey.chain(sources: sources, engineVersion: Fixture.engine, parameters: [NotebookParameter("epochs", "6"), NotebookParameter("lr", "0.01")], seed: 0),
            CellKey.chain(sources: sources, engineVersion: Fixture.engine, parameters: [NotebookParameter("lr", "0.01"), NotebookParameter("epochs", "5")], seed: 0),
            CellKey.chain(sources: sources, engineVersion: Fixture.engine, parameters: [NotebookParameter("epochs", "5")], seed: 0),
            CellKey.chain(sources: sources, engineVersion: Fixture.engine, parameters: Fixture.parameters, seed: 0, formatVersion: CacheFormat.version + 1),
        ]
        for variant in variants {
            for index in sources.indices {
                #expect(variant[index] != base[index])
            }
        }
    }

    /// Length prefixes keep field boundaries: moving a character from one field to the next
    /// gives a different key.
    @Test func fieldBoundariesMatter() {
        let a = CellKey.chain(sources: ["x"], engineVersion: "e", parameters: [NotebookParameter("ab", "c")], seed: 0)
        let b = CellKey.chain(sources: ["x"], engineVersion: "e", parameters: [NotebookParameter("a", "bc")], seed: 0)
        #expect(a != b)
        let c = CellKey(previous: nil, source: "ab", engineVersion: "e", parameters: [], seed: 0)
        let d = CellKey(previous: nil, source: "a", engineVersion: "eb", parameters: [], seed: 0)
        #expect(c != d)
    }

    /// Removing a cell changes the keys after it (their chain changed), not those before.
    @Test func removingACellInvalidatesOnlyTheCellsAfterIt() {
        let before = Fixture.keys(sources)
        let after = Fixture.keys([sources[0], sources[2], sources[3]])
        #expect(after[0] == before[0])
        #expect(after[1] != before[2])
        #expect(after[2] != before[3])
    }

    @Test func hexFormIsValidated() throws {
        let key = Fixture.keys(sources)[0]
        #expect(CellKey(hex: key.hex) == key)
        #expect(CellKey(hex: "../../etc/passwd") == nil)
        #expect(CellKey(hex: String(key.hex.dropLast())) == nil)
        #expect(CellKey(hex: key.hex.uppercased()) == nil)
        let json = try JSONEncoder().encode([key])
        #expect(try JSONDecoder().decode([CellKey].self, from: json) == [key])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CellKey].self, from: Data(#"["../x"]"#.utf8))
        }
    }
}
