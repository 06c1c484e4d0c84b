/// A generator: the suspended call of a `def` whose body contains `yield`.
///
/// The interpreter walks the syntax tree, so a generator cannot keep a native stack
/// between steps. Instead, when the body yields, every construct it is inside (a block, an
/// `if` branch, a loop with its iterator, a `try` phase, a `with` and its `__exit__`) notes
/// where it was, innermost first; the next step walks back down those notes to the
/// `yield` and carries on from there (`GeneratorRunner.swift`).
final class PyGenerator {
    enum State { case created, suspended, running, finished }

    let function: PyFunction
    let frame: Frame
    weak var interpreter: Interpreter?
    private(set) var state = State.created
    /// What the last `return` returned (`yield from`'s value, `StopIteration.value`).
    private(set) var returnValue: Value = .none
    /// Where the body stopped, innermost construct first (empty before the first step).
    private var stoppedAt: [ResumePoint] = []
    /// During a step: the points still to walk down (the outermost is last) ...
    var resuming: [ResumePoint] = []
    /// ... and the points collected on the way out when the body yields again.
    var collected: [ResumePoint] = []
    /// What the `yield` the body stopped at evaluates to: a sent value or a thrown exception.
    var input = ResumeInput.send(.none)

    init(function: PyFunction, frame: Frame, interpreter: Interpreter) {
        self.function = function
        self.frame = frame
        self.interpreter = interpreter
    }

    /// The iterator value cells see: `for`, `next`, `list` drive it; `send`, `throw`,
    /// `close` reach it through `iterator.generator`.
    func makeIterator() -> PyIterator {
        PyIterator("generator", generator: self)
    }

    /// Runs the body to its next `yield` (its value) or to its end (nil), with CPython's
    /// checks: a running generator cannot be re-entered, a new one accepts only `None`,
    /// a finished one raises what is thrown into it.
    func step(_ input: ResumeInput) throws -> Value? {
        guard let interpreter else { return nil }
        switch state {
        case .running:
            throw PyException(.valueError, "generator already executing")
        case .finished:
            if case .throwIn(let e) = input { throw e }
            return nil
        case .created:
            if case .send(let v) = input, !v.isNone {
                throw PyException(.typeError, "can't send non-None value to a just-started generator")
            }
            if case .throwIn(let e) = input {
                state = .finished
                throw e
            }
        case .suspended:
            break
        }
        self.input = input
        resuming = stoppedAt
        stoppedAt = []
        collected = []
        state = .running
        interpreter.callDepth += 1
        let caller = interpreter.currentFrame
        frame.caller = caller
        interpreter.currentFrame = frame
        defer {
            interpreter.callDepth -= 1
            interpreter.currentFrame = caller
        }
        let outcome: GeneratorStep
        do {
            if interpreter.callDepth > interpreter.recursionLimit {
                throw PyException(.recursionError, "maximum recursion depth exceeded")
            }
            outcome = try interpreter.runBlock(function.body, frame, self)
        } catch let e as PyException {
            state = .finished
            resuming = []
            guard e.type == .stopIteration else { throw e }
            // PEP 479: a StopIteration escaping the body would end the caller's loop silently.
            let error = PyException(.runtimeError, "generator raised StopIteration")
            error.cause = e
            error.suppressContext = true
            error.traceback = e.traceback
            error.lastRecorder = e.lastRecorder
            throw error
        } catch {
            state = .finished
            throw error
        }
        switch outcome {
        case .yielded(let v):
            stoppedAt = collected
            collected = []
            state = .suspended
            return v
        case .flow(let flow):
            state = .finished
            if case .returnValue(let v) = flow { returnValue = v }
            return nil
        }
    }

    /// `close()`: throws GeneratorExit in at the `yield`; the body may clean up but not
    /// yield again.
    func close() throws {
        guard state == .suspended else {
            state = .finished
            return
        }
        do {
            if try step(.throwIn(PyException(.generatorExit, args: []))) != nil {
                throw PyException(.runtimeError, "generator ignored GeneratorExit")
            }
        } catch let e as PyException where e.type == .generatorExit || e.type == .stopIteration {
            return
        }
    }

    /// `StopIteration` for the end of a step, carrying the return value as CPython's does.
    func stopIteration() -> PyException {
        PyException(.stopIteration, args: returnValue.isNone ? [] : [returnValue])
    }
}

/// What a generator's `yield` evaluates to when it resumes.
enum ResumeInput {
    case send(Value)
    case throwIn(PyException)
}

/// How a generator step through a block ended: a flow as for any function, or a `yield`.
enum GeneratorStep {
    case flow(Flow)
    case yielded(Value)
}

/// One construct a suspended generator is inside, and what it needs to carry on.
enum ResumePoint {
    /// The statement index within a block.
    case statement(Int)
    /// The `if` branch taken (the branch count for `else`).
    case branch(Int)
    case loopBody
    case loopElse
    /// A `for` loop's body, with its iterator.
    case forBody(() throws -> Value?)
    case tryBody
    case tryHandler(ExceptHandler, PyException)
    case tryElse
    /// A `finally` block, with what happens when it ends (the flow or error it interrupted).
    case tryFinally(Result<Flow, Error>)
    /// A `with` body, with the manager's bound `__exit__`.
    case withBody(exit: Value)
    /// The `yield` itself.
    case yieldValue
    /// A `yield from`, with what it delegates to.
    case yieldFrom(YieldDelegate)
}

/// What `yield from` takes items from: a generator (which `send` and `throw` reach) or
/// any other iterator.
enum YieldDelegate {
    case generator(PyGenerator)
    case iterator(() throws -> Value?)
}
