/// Running a generator function's body one step at a time (see `PyGenerator`).
///
/// These mirror `execute` for the statements that can hold a `yield` (blocks, `if`,
/// loops, `try`, `with` and the `yield` statements themselves); everything else runs
/// through `execute` unchanged. While `generator.resuming` is not empty, each construct
/// takes its own point off it instead of starting afresh.
extension Interpreter {
    func runBlock(_ body: [Stmt], _ frame: Frame, _ g: PyGenerator) throws -> GeneratorStep {
        var start = 0
        if case .statement(let i)? = resumePoint(g) { start = i }
        var index = start
        while index < body.count {
            let statement = body[index]
            frame.line = statement.line
            let step: GeneratorStep
            do {
                step = try runStatement(statement, frame, g)
            } catch let e as PyException {
                record(e, line: statement.line, frame)
                throw e
            }
            switch step {
            case .flow(.normal):
                index += 1
            case .yielded:
                g.collected.append(.statement(index))
                return step
            case .flow:
                return step
            }
        }
        return .flow(.normal)
    }

    /// `runBlock` for a block inside a construct: when the block stops at a `yield`, notes
    /// `point` (where in the construct it was) after the block's own points, so that the
    /// next step re-enters the construct there.
    private func runBlock(_ body: [Stmt], _ frame: Frame, _ g: PyGenerator,
                          resumingAt point: ResumePoint) throws -> GeneratorStep {
        let step = try runBlock(body, frame, g)
        if case .yielded = step { g.collected.append(point) }
        return step
    }

    /// The next point to walk down to while resuming (nil when running afresh).
    private func resumePoint(_ g: PyGenerator) -> ResumePoint? {
        g.resuming.popLast()
    }

    private func runStatement(_ statement: Stmt, _ frame: Frame, _ g: PyGenerator) throws -> GeneratorStep {
        switch statement {
        case .expression(.yield(let value, _), _):
            return try runYield(value, targets: [], frame, g)
        case .assign(let targets, .yield(let value, _), _):
            return try runYield(value, targets: targets, frame, g)
        case .expression(.yieldFrom(let source, _), _):
            return try runYieldFrom(source, targets: [], frame, g)
        case .assign(let targets, .yieldFrom(let source, _), _):
            return try runYieldFrom(source, targets: targets, frame, g)
        case .ifElse(let branches, let orElse, _):
            var chosen = branches.count
            if case .branch(let k)? = resumePoint(g) {
                chosen = k
            } else {
                for k in branches.indices {
                    if try truthy(try eval(branches[k].0, frame)) {
                        chosen = k
                        break
                    }
                }
            }
            return try runBlock(chosen < branches.count ? branches[chosen].1 : orElse, frame, g,
                                resumingAt: .branch(chosen))
        case .whileLoop(let test, let body, let orElse, _):
            var inBody = false
            switch resumePoint(g) {
            case .loopBody?: inBody = true
            case .loopElse?: return try runLoopElse(orElse, frame, g)
            default: break
            }
            return try runLoop(body, orElse, resumingInBody: inBody, point: .loopBody, frame, g) {
                guard try truthy(try eval(test, frame)) else { return false }
                try tickDeadline()
                return true
            }
        case .forLoop(let target, let iterableExpr, let body, let orElse, _):
            let next: () throws -> Value?
            var inBody = false
            switch resumePoint(g) {
            case .forBody(let saved)?:
                next = saved
                inBody = true
            case .loopElse?:
                return try runLoopElse(orElse, frame, g)
            default:
                next = try iterator(try eval(iterableExpr, frame))
            }
            return try runLoop(body, orElse, resumingInBody: inBody, point: .forBody(next), frame, g) {
                guard let item = try next() else { return false }
                try tickDeadline()
                try assign(target, item, frame)
                return true
            }
        case .tryExcept(let body, let handlers, let orElse, let finally, _):
            return try runTry(body, handlers, orElse, finally, frame, g)
        case .with(let items, let body, let line):
            return try runWith(items[...], body, frame, line: line, g)
        default:
            return .flow(try execute(statement, frame))
        }
    }

    /// The iterations of a `while` or `for` loop: `advance` starts the next one (false: the
    /// loop is done; its `else` runs), except when resuming inside the body; a yield in the
    /// body is recorded as `point`, where the generator resumes.
    private func runLoop(_ body: [Stmt], _ orElse: [Stmt], resumingInBody: Bool, point: ResumePoint,
                         _ frame: Frame, _ g: PyGenerator, advance: () throws -> Bool) throws -> GeneratorStep {
        var inBody = resumingInBody
        while true {
            if !inBody {
                guard try advance() else { break }
            }
            inBody = false
            let step = try runBlock(body, frame, g)
            switch step {
            case .yielded:
                g.collected.append(point)
                return step
            case .flow(.normal), .flow(.continueLoop): continue
            case .flow(.breakLoop): return .flow(.normal)
            case .flow(.returnValue): return step
            }
        }
        return try runLoopElse(orElse, frame, g)
    }

    private func runLoopElse(_ orElse: [Stmt], _ frame: Frame, _ g: PyGenerator) throws -> GeneratorStep {
        try runBlock(orElse, frame, g, resumingAt: .loopElse)
    }

    /// `yield value` (its targets get what `send` passes, None for `next`).
    private func runYield(_ value: Expr?, targets: [Expr], _ frame: Frame, _ g: PyGenerator) throws -> GeneratorStep {
        if case .yieldValue? = resumePoint(g) {
            switch g.input {
            case .throwIn(let e):
                e.lastRecorder = nil
                throw e
            case .send(let sent):
                for target in targets { try assign(target, sent, frame) }
                return .flow(.normal)
            }
        }
        let v = try value.map { try eval($0, frame) } ?? .none
        g.collected.append(.yieldValue)
        return .yielded(v)
    }

    /// `yield from source`: passes its items (and what is sent or thrown in, to a
    /// generator) through; its value is the delegate generator's return value.
    private func runYieldFrom(_ source: Expr, targets: [Expr], _ frame: Frame, _ g: PyGenerator) throws -> GeneratorStep {
        let delegate: YieldDelegate
        var input = ResumeInput.send(.none)
        if case .yieldFrom(let saved)? = resumePoint(g) {
            delegate = saved
            input = g.input
        } else {
            let v = try eval(source, frame)
            if case .iterator(let it) = v, let inner = it.generator {
                delegate = .generator(inner)
            } else {
                delegate = .iterator(try iterator(v))
            }
        }
        let item: Value?
        switch delegate {
        case .generator(let inner):
            if case .throwIn(let e) = input, e.type == .generatorExit {
                try inner.close()
                throw e
            }
            item = try inner.step(input)
        case .iterator(let next):
            if case .throwIn(let e) = input { throw e }
            item = try next()
        }
        if let item {
            g.collected.append(.yieldFrom(delegate))
            return .yielded(item)
        }
        if case .generator(let inner) = delegate {
            for target in targets { try assign(target, inner.returnValue, frame) }
        } else {
            for target in targets { try assign(target, .none, frame) }
        }
        return .flow(.normal)
    }

    /// `try`, as `executeTry` runs it, in phases a step can stop in and resume.
    private func runTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt],
                        _ frame: Frame, _ g: PyGenerator) throws -> GeneratorStep {
        var phase = resumePoint(g) ?? .tryBody
        var outcome: Result<Flow, Error> = .success(.normal)
        phases: while true {
            switch phase {
            case .tryBody:
                do {
                    let step = try runBlock(body, frame, g, resumingAt: .tryBody)
                    if case .yielded = step { return step }
                    if case .flow(.normal) = step {
                        phase = .tryElse
                        continue phases
                    }
                    if case .flow(let flow) = step { outcome = .success(flow) }
                } catch let e as PyException {
                    do {
                        guard !e.isFatal, let handler = try matchingHandler(e, handlers, frame) else { throw e }
                        if let binding = handler.binding { try store(binding, .exception(e), frame) }
                        phase = .tryHandler(handler, e)
                        continue phases
                    } catch {
                        outcome = .failure(error)
                    }
                } catch {
                    outcome = .failure(error)
                }
            case .tryHandler(let handler, let e):
                handling.append(e)
                do {
                    let step = try runBlock(handler.body, frame, g, resumingAt: .tryHandler(handler, e))
                    handling.removeLast()
                    if case .yielded = step { return step }
                    if let binding = handler.binding { try? unbind(binding, frame) }
                    if case .flow(let flow) = step { outcome = .success(flow) }
                } catch let inner as PyException {
                    handling.removeLast()
                    if inner !== e && inner.context == nil && !inner.isFatal { inner.context = e }
                    outcome = .failure(inner)
                } catch {
                    handling.removeLast()
                    outcome = .failure(error)
                }
            case .tryElse:
                do {
                    let step = try runBlock(orElse, frame, g, resumingAt: .tryElse)
                    if case .yielded = step { return step }
                    if case .flow(let flow) = step { outcome = .success(flow) }
                } catch {
                    outcome = .failure(error)
                }
            case .tryFinally(let pending):
                outcome = pending
            default:
                break
            }
            break phases
        }
        if !finally.isEmpty {
            let step = try runBlock(finally, frame, g, resumingAt: .tryFinally(outcome))
            guard case .flow(.normal) = step else { return step }
        }
        return .flow(try outcome.get())
    }

    /// `with`, as `executeWith` runs it; a step can stop inside the body.
    private func runWith(_ items: ArraySlice<(context: Expr, target: Expr?)>, _ body: [Stmt], _ frame: Frame,
                         line: Int, _ g: PyGenerator) throws -> GeneratorStep {
        guard let (contextExpr, target) = items.first else { return try runBlock(body, frame, g) }
        let exit: Value
        if case .withBody(let saved)? = resumePoint(g) {
            exit = saved
        } else {
            exit = try enterContext(contextExpr, target, frame, line: line)
        }
        let step: GeneratorStep
        do {
            step = try runWith(items.dropFirst(), body, frame, line: line, g)
        } catch let e as PyException {
            if try exitAfterError(exit, e, frame, line: line) { return .flow(.normal) }
            throw e
        }
        if case .yielded = step {
            g.collected.append(.withBody(exit: exit))
            return step
        }
        try exitContext(exit, frame, line: line)
        return step
    }
}
