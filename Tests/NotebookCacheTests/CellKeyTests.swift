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
            parameters: Fixture.parameters, seed: 42, reads: [["epochs"], ["lr"]])
        let stem = CellKey.stem(
            previous: nil, source: "#| id: load\nx = 1\n", engineVersion: Fixture.engine,
            parameterNames: ["epochs", "lr"], seed: 42)
        #expect(stem.hex == "6c8acc5bae99904909b433a69169c2feba7ee146e8d24ede4aa9c6b8fdd98d78")
        #expect(keys[0].hex == "8b162f715f7fa58ce3053505890584e72f9d169eaffdda1b43d655f205bb3284")
        #expect(keys[1].hex == "eca3e19ccf1ecba1b9b9f2ebfe9a8657b6906ac42fbd26109f673be2fd08ca7c")
        #expect(keys[0].short == "8b162f715f7f")
    }

    /// A parameter is in the keys of the cell that first reads it and of every cell after
    /// it, and in no other key.
    @Test func aParameterIsInTheKeysFromTheFirstCellThatReadsIt() {
        let reads: [Set<String>] = [[], ["epochs"], [], []]
        let base = CellKey.chain(sources: sources, engineVersion: Fixture.engine, parameters: Fixture.parameters,
                                 seed: 0, reads: reads)
        let otherEpochs = CellKey.chain(
            sources: sources, engineVersion: Fixture.engine,
            parameters: [NotebookParameter("epochs", "6"), NotebookParameter("lr", "0.01")], seed: 0, reads: reads)
        let otherLR = CellKey.chain(
            sources: sources, engineVersion: Fixture.engine,
            parameters: [NotebookParameter("epochs", "5"), NotebookParameter("lr", "0.1")], seed: 0, reads: reads)
        #expect(otherEpochs[0] == base[0])
        #expect(zip(otherEpochs[1...], base[1...]).allSatisfy { $0 != $1 })
        #expect(otherLR == base, "no cell reads lr")
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

    /// (Every cell reads both parameters here: `Fixture.reads`.)
    @Test func parametersSeedAndVersionsChangeEveryKey() {
        let base = Fixture.keys(sources)
        let variants: [[CellKey]] = [
            Fixture.keys(sources, seed: 1),
            CellKey.chain(sources: sources, engineVersion: "test-engine 2", parameters: Fixture.parameters, seed: 0, reads: Fixture.reads),
            CellKey.chain(sources: sources, engineVersion: Fixture.engine, parameters: [NotebookParameter("epochs", "6"), NotebookParameter("lr", "0.01")], seed: 0, reads: Fixture.reads),
            CellKey.chain(sources: sources, engineVersion: Fixture.engine, parameters: [NotebookParameter("lr", "0.01"), NotebookParameter("epochs", "5")], seed: 0, reads: Fixture.reads),
            CellKey.chain(sources: sources, engineVersion: Fixture.engine, parameters: [NotebookParameter("epochs", "5")], seed: 0, reads: Fixture.reads),
            CellKey.chain(sources: sources, engineVersion: Fixture.engine, parameters: Fixture.parameters, seed: 0, reads: Fixture.reads, formatVersion: CacheFormat.version + 1),
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
        let a = CellKey.chain(sources: ["x"], engineVersion: "e", parameters: [NotebookParameter("ab", "c")], seed: 0, reads: [["ab"]])
        let b = CellKey.chain(sources: ["x"], engineVersion: "e", parameters: [NotebookParameter("a", "bc")], seed: 0, reads: [["a"]])
        #expect(a != b)
        let c = CellKey.stem(previous: nil, source: "ab", engineVersion: "e", parameterNames: [], seed: 0)
        let d = CellKey.stem(previous: nil, source: "a", engineVersion: "eb", parameterNames: [], seed: 0)
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
