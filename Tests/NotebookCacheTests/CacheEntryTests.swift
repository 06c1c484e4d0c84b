import CellOutput
import Foundation
import Testing
@testable import NotebookCache

@Suite struct CacheEntryTests {
    /// Every `OutputPart` kind, with text that stresses JSON (quotes, control characters,
    /// non-ASCII) and doubles that stress round-tripping.
    static let allOutputs: [OutputPart] = [
        .stream("Epoch 1/5\r54000/54000 [====] - loss: 0.6842\n\t\"quoted\" \\ é ✓\n"),
        .result("array([0.1, 0.2])"),
        .table(OutputTable(
            plainText: "Model: \"sequential_1\"\n___\n", header: ["Layer (type)", "Output Shape", "Param #"],
            rows: [["dense_1 (Dense)", "(None, 32)", "25120"]], footer: ["Total params: 25,450"])),
        .chart(OutputChart(
            plainText: "", title: "model 1", epochs: [1, 2, 3],
            series: [("loss", [0.1 + 0.2, 1e-300, .leastNonzeroMagnitude]), ("val_loss", [.greatestFiniteMagnitude, 0, -0.0])])),
        .figure(OutputFigure(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0\"/></svg>", plainText: "<Figure size 640x480 with 1 Axes>")),
        .error(CellError(
            typeName: "NameError", message: "name 'x' is not defined", cellLine: 2,
            traceback: "Cell In[3], line 2\n----> 2 print(x)\n\nNameError: name 'x' is not defined\n")),
    ]

    @Test func roundTripsEveryOutputKindAndTheSnapshot() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let key = Fixture.keys(["x = 1"])[0]
        let weights = try cache.blobs.put(Fixture.bytes(2048, seed: 9))
        let bias = try cache.blobs.put(Fixture.bytes(64, seed: 10))
        let snapshot = StateSnapshot(
            globals: [
                .init(name: "x", kind: "int", inline: Data("1".utf8)),
                .init(name: "model", kind: "keras.Sequential", inline: Data([0, 1, 2, 255]), references: [weights, bias]),
                .init(name: "x_train", kind: "ndarray", blob: weights),
            ],
            session: [.init(name: "rng", kind: "rng.state", inline: Data(repeating: 7, count: 32))])
        let entry = CacheEntry(key: key, outputs: Self.allOutputs, failed: true, duration: 12.345678, snapshot: snapshot)
        try cache.store(entry)
        let read = try cache.entry(for: key)
        #expect(read == entry)
        #expect(read.snapshot?.blobReferences == [weights, bias])
        #expect(read.snapshot?.global(named: "x_train")?.payload == .blob(weights))
        #expect(read.snapshot?.sessionRecord(named: "rng")?.kind == "rng.state")
    }

    @Test func nonFiniteNumbersRoundTrip() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let key = Fixture.keys(["fit()"])[0]
        let chart = OutputChart(plainText: "", title: "", epochs: [1, 2, 3], series: [("loss", [.nan, .infinity, -.infinity])])
        try cache.store(CacheEntry(key: key, outputs: [.chart(chart)], failed: false, duration: .nan, snapshot: nil))
        let read = try cache.entry(for: key)
        guard case .chart(let back) = read.outputs.first else {
            Issue.record("not a chart: \(read.outputs)")
            return
        }
        #expect(back.seriesValues[0][0].isNaN)
        #expect(back.seriesValues[0][1] == .infinity)
        #expect(back.seriesValues[0][2] == -.infinity)
        #expect(read.duration.isNaN)
        #expect(read.snapshot == nil)
    }

    /// Same entry, same bytes: entry files are deterministic (sorted keys).
    @Test func encodingIsDeterministic() throws {
        let entry = CacheEntry(
            key: Fixture.keys(["x"])[0], outputs: Self.allOutputs, failed: false, duration: 1, snapshot: StateSnapshot())
        #expect(try EntryFile.encode(entry) == EntryFile.encode(entry))
    }

    @Test func storeRefusesAnEntryWhoseBlobsAreNotStored() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let key = Fixture.keys(["x"])[0]
        let absent = BlobHash.of(Data("never stored".utf8))
        #expect(throws: CacheError.missingBlobs(key: key, [absent])) {
            try cache.store(Fixture.entry(key, blobs: [absent]))
        }
        #expect(throws: CacheProblem.missing(key)) { try cache.entry(for: key) }
    }

    @Test func storingAgainReplacesTheEntry() throws {
        let dir = TestDirectory()
        let cache = try dir.open()
        let key = Fixture.keys(["x"])[0]
        try cache.store(Fixture.entry(key, text: "one\n"))
        try cache.store(Fixture.entry(key, text: "two\n"))
        #expect(try cache.entry(for: key).outputs == [.stream("two\n")])
        #expect(FileManager.default.files(in: cache.directory + "/entries") == [key.hex])
    }
}
