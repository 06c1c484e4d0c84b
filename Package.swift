// swift-tools-version:6.0
// Labbook: Markdown experiment notebooks run against an embedded neural-network engine.
//
// Targets are cut by responsibility and depend one way. docs/architecture.md draws them and
// says what each owns; Tests/PackageTests checks that page against this file.
import PackageDescription

let package = Package(
    name: "Labbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "labbook", targets: ["labbook"]),
        .executable(name: "labbook-bench", targets: ["labbook-bench"]),
        .executable(name: "labbook-lang-bench", targets: ["labbook-lang-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // System libraries, reached through pkg-config. Only one Swift target imports each.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),

        .target(name: "NotebookFormat", dependencies: ["CCmarkGFM", "Yams"]),
        .target(name: "CellOutput"),
        .target(name: "CellLanguage", dependencies: ["CellOutput"]),
        // CPUID (for the BLAS kernel choice) and a prefetch hint, which Swift has no intrinsics for.
        .target(name: "CCPU"),
        .target(name: "NeuralEngine", dependencies: ["COpenBLAS", "CCPU"]),
        .target(name: "Datasets", dependencies: ["CZlib", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Library", dependencies: ["CellOutput", "CellLanguage", "NeuralEngine", "Datasets", "Charts"]),
        .target(name: "Charts"),
        .target(
            name: "NotebookCache",
            dependencies: ["CellOutput", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Reports", dependencies: ["NotebookFormat", "CellOutput", "Charts"]),
        .target(name: "Jupyter", dependencies: ["NotebookFormat", "CellOutput", "Charts"]),
        .target(
            name: "Runner",
            dependencies: [
                "NotebookFormat", "CellOutput", "CellLanguage", "Library", "NeuralEngine", "Reports", "NotebookCache",
                "Jupyter",
            ]),
        .executableTarget(
            name: "labbook",
            dependencies: [
                "Runner", "NeuralEngine", "Datasets", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "labbook-bench", dependencies: ["NeuralEngine"]),
        .executableTarget(name: "labbook-lang-bench", dependencies: ["CellLanguage"]),

        // What the test targets share: golden files, the snippet-corpus runner of the language
        // and numpy conformance tests, notebooks run in a temporary folder, the labbook binary.
        .target(
            name: "TestSupport", dependencies: ["CellLanguage", "Library", "NotebookCache", "NotebookFormat", "Runner"],
            path: "Tests/TestSupport"),
        .testTarget(
            name: "NotebookFormatTests", dependencies: ["NotebookFormat", "TestSupport"],
            exclude: ["Golden"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CellLanguageTests", dependencies: ["CellOutput", "CellLanguage", "TestSupport"],
            resources: [.copy("Conformance")]),
        .testTarget(name: "NeuralEngineTests", dependencies: ["NeuralEngine"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
        .testTarget(
            name: "LibraryTests",
            dependencies: ["Library", "CellOutput", "CellLanguage", "NeuralEngine", "Datasets", "TestSupport"],
            resources: [.copy("NumPyConformance"), .copy("SklearnConformance")]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "CellOutput", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Reports", "CellOutput", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "NotebookCacheTests", dependencies: ["NotebookCache", "CellOutput"]),
        .testTarget(
            name: "JupyterTests", dependencies: ["Jupyter", "NotebookFormat", "CellOutput", "TestSupport"],
            exclude: ["Fixtures"]),
        // Tests that run the real `labbook` binary (kills, watch, the crash fuzzer); depending
        // on the executable makes `swift build --build-tests` build it first.
        .testTarget(
            name: "EndToEndTests", dependencies: ["labbook", "NeuralEngine", "TestSupport"], exclude: ["Notebooks"]),
        // docs/architecture.md against this file.
        .testTarget(name: "PackageTests"),
    ]
)
