// labbook-lang-bench: times the cell interpreter on loop-heavy and call-heavy cells, and
// CPython (`python3`, when installed) on the same code in the same run, side by side.
//
//   swift run -c release labbook-lang-bench [--repeat N] [--no-python] [--only TEXT]
//
// `--only fib` runs only the cells whose name contains the text (for profiling one).
import CellLanguage
import Foundation

struct Workload {
    let name: String
    let source: String
}

let workloads = [
    Workload(name: "for loop, 1M additions", source: """
        total = 0
        for i in range(1000000):
            total += i
        print(total)
        """),
    Workload(name: "while loop, 1M steps", source: """
        i = 0
        acc = 0
        while i < 1000000:
            acc = acc + i % 7
            i += 1
        print(acc)
        """),
    Workload(name: "function calls, 300k", source: """
        def add(a, b=1):
            return a + b
        x = 0
        for _ in range(300000):
            x = add(x, b=2)
        print(x)
        """),
    Workload(name: "recursive fib(24)", source: """
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(fib(24))
        """),
    Workload(name: "list comprehension + sum, 1M", source: """
        squares = [i * i for i in range(1000000)]
        print(sum(squares))
        """),
    Workload(name: "dict and string work, 200k", source: """
        counts = {}
        for i in range(200000):
            key = f'k{i % 100}'
            counts[key] = counts.get(key, 0) + 1
        print(len(counts), counts['k7'])
        """),
]

var repeats = 3
var usePython = true
var only: String?
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    switch flag {
    case "--repeat": repeats = max(1, Int(arguments.popFirst() ?? "") ?? repeats)
    case "--no-python": usePython = false
    case "--only": only = arguments.popFirst()
    default:
        print("usage: labbook-lang-bench [--repeat N] [--no-python] [--only TEXT]")
        exit(2)
    }
}

/// Best of `repeats` wall-clock seconds of one fresh session running the workload.
func timeLabbook(_ workload: Workload, repeats: Int) -> (seconds: Double, output: String) {
    var best = Double.infinity
    var output = ""
    for _ in 0..<repeats {
        let session = Session(modules: ModuleRegistry())
        let start = ContinuousClock.now
        let outcome = session.run(workload.source, cellNumber: 1)
        let elapsed = ContinuousClock.now - start
        best = min(best, elapsed / .seconds(1))
        output = outcome.outputs.map(\.plainText).joined() + (outcome.error?.traceback ?? "")
    }
    return (best, output)
}

/// Best of `repeats` seconds of CPython executing the same code (timed inside python3, so
/// interpreter start-up is excluded), or nil when python3 is not available.
func timePython(_ workload: Workload, repeats: Int) -> (seconds: Double, output: String)? {
    let script = """
        import sys, time, io, contextlib
        src = sys.stdin.read()
        best = float('inf')
        for _ in range(\(repeats)):
            buf = io.StringIO()
            t = time.perf_counter()
            with contextlib.redirect_stdout(buf):
                exec(compile(src, '<cell>', 'exec'), {})
            best = min(best, time.perf_counter() - t)
        sys.stdout.write(repr(best) + '\\n' + buf.getvalue())
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    input.fileHandleForWriting.write(Data(workload.source.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8),
          let newline = text.firstIndex(of: "\n"), let seconds = Double(text[..<newline])
    else { return nil }
    return (seconds, String(text[text.index(after: newline)...]))
}

print("| cell | Labbook (s) | CPython (s) | Labbook / CPython | same output |")
print("|---|---:|---:|---:|:---:|")
for workload in workloads where only.map({ workload.name.contains($0) }) ?? true {
    let ours = timeLabbook(workload, repeats: repeats)
    let python = usePython ? timePython(workload, repeats: repeats) : nil
    let theirs = python.map { String(format: "%.3f", $0.seconds) } ?? "-"
    let ratio = python.map { String(format: "%.2fx", ours.seconds / $0.seconds) } ?? "-"
    let same = python.map { $0.output == ours.output ? "yes" : "NO" } ?? "-"
    print("| \(workload.name) | \(String(format: "%.3f", ours.seconds)) | \(theirs) | \(ratio) | \(same) |")
}
