import CellLanguage

/// One operation a `GradientTape` recorded: which tensor it made, from which tensors and
/// variables (by identity; nil for an input the tape does not track, such as a constant),
/// and how to turn the gradient of its output into the gradients of its inputs.
struct TapeRecord {
    let output: ObjectIdentifier
    let inputs: [ObjectIdentifier?]
    /// Keeps the output and inputs alive, so that their identities stay theirs.
    let retained: [AnyObject]
    /// d(target)/d(output) and which inputs need a gradient → d(target)/d(input) per input.
    let backward: (NDArray, [Bool]) throws -> [NDArray?]
}

/// A variable that tapes can watch: a layer's weight (`VariableObject`) or one a cell made
/// (`tf.Variable(...)`, `FreeVariable`).
protocol TapeVariable: HostObject {
    /// The current value.
    var value: NDArray { get }
    var trainable: Bool { get }
    /// The session's active tapes.
    var tapes: TapeStack { get }
    /// Replaces the value (same shape and dtype, checked by the caller).
    func write(_ value: NDArray) throws
}

/// The session's entered tapes, innermost last (`LibraryState.tapes`).
final class TapeStack {
    private(set) var active: [GradientTapeObject] = []

    func push(_ tape: GradientTapeObject) { active.append(tape) }
    func remove(_ tape: GradientTapeObject) { active.removeAll { $0 === tape } }
    /// Whether any tape is recording now (operations outside tapes skip all bookkeeping).
    var isRecording: Bool { !active.isEmpty }
}

/// A tape a tensor is tracked by, held weakly: the tape holds its tensors strongly.
struct WeakTape {
    weak var tape: GradientTapeObject?
}

/// How operations record themselves.
enum Tape {
    /// The tensor an operation reads for `value`: a tensor as it is, a variable's value (a
    /// read that tapes watching the variable record), nil for anything else (a constant).
    static func operand(_ value: Value) -> EagerTensor? {
        switch value {
        case .host(let t as EagerTensor): return t
        case .host(let v as any TapeVariable): return read(v)
        default: return nil
        }
    }

    /// The variable's value as a tensor; recorded (as an identity) on every recording tape
    /// that watches the variable.
    static func read(_ variable: any TapeVariable) -> EagerTensor {
        let tensor = EagerTensor(variable.value)
        guard variable.tapes.isRecording, variable.value.dtype.isFloat else { return tensor }
        for tape in variable.tapes.active where tape.watches(variable) {
            tape.noteRead(variable)
            tape.append(TapeRecord(output: ObjectIdentifier(tensor), inputs: [ObjectIdentifier(variable)],
                                   retained: [tensor, variable], backward: { g, _ in [g] }))
            tensor.addWatcher(tape)
        }
        return tensor
    }

    /// Records `output = f(inputs)` on every recording tape that tracks one of `inputs`, and
    /// returns `output` (now tracked by those tapes). Outputs that are not floats (argmax,
    /// comparisons, casts to integers) have no gradient and are not recorded.
    @discardableResult
    static func record(_ output: EagerTensor, _ inputs: [EagerTensor?],
                       _ backward: @escaping (NDArray, [Bool]) throws -> [NDArray?]) -> EagerTensor {
        guard output.dtype.isFloat else { return output }
        var tapes: [GradientTapeObject] = []
        for input in inputs {
            for tape in input?.recordingTapes ?? [] where !tapes.contains(where: { $0 === tape }) { tapes.append(tape) }
        }
        for tape in tapes {
            let keys = inputs.map { input -> ObjectIdentifier? in
                guard let input, input.recordingTapes.contains(where: { $0 === tape }) else { return nil }
                return ObjectIdentifier(input)
            }
            tape.append(TapeRecord(output: ObjectIdentifier(output), inputs: keys,
                                   retained: [output] + inputs.compactMap { $0 }, backward: backward))
            output.addWatcher(tape)
        }
        return output
    }

    /// Whether a recording tape tracks any of `tensors`.
    static func isTracked(_ tensors: [EagerTensor?]) -> Bool {
        tensors.contains { !($0?.recordingTapes.isEmpty ?? true) }
    }
}

extension EagerTensor {
    /// The recording tapes that track this tensor.
    var recordingTapes: [GradientTapeObject] {
        watchers.isEmpty ? [] : watchers.compactMap { $0.tape }.filter(\.recording)
    }

    func addWatcher(_ tape: GradientTapeObject) {
        if !watchers.contains(where: { $0.tape === tape }) { watchers.append(WeakTape(tape: tape)) }
    }
}
