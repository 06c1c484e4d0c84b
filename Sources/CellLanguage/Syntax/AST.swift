/// Where a node starts in its cell: 1-based line, 0-based column.
struct Position: Equatable {
    var line: Int
    var column: Int
}

/// Where a variable lives, decided when the cell is parsed (so lookups at run time are
/// array accesses, not dictionary searches).
enum NameAccess: Equatable {
    /// A slot of the current function call's frame.
    case local(Int)
    /// A slot of an enclosing function's frame, `depth` frames up the closure chain.
    case free(depth: Int, slot: Int)
    /// An entry of the session's global table (falling back to builtins).
    case global(Int)
}

/// A use of a name in the source; its `access` is filled in when its scope is complete.
final class NameRef {
    let name: String
    var access: NameAccess = .global(-1)
    init(_ name: String) { self.name = name }
}

/// Unary operators, spelled as in Python.
public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", invert = "~"
}

/// Binary arithmetic and bitwise operators, spelled as in Python.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", trueDivide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matrixMultiply = "@"
    case leftShift = "<<", rightShift = ">>", and = "&", or = "|", xor = "^"
}

/// Comparison operators; the rich comparisons (`<` ... `!=`) can be overloaded by host objects.
public enum CompareOperator: String, Sendable {
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"

    /// The operator with its operands swapped (`a < b` is `b > a`).
    public var reflected: CompareOperator {
        switch self {
        case .less: return .greater
        case .lessEqual: return .greaterEqual
        case .greater: return .less
        case .greaterEqual: return .lessEqual
        default: return self
        }
    }
}

/// A piece of an f-string after parsing.
enum FStringPart {
    case text(String)
    case field(Expr, conversion: Character?, spec: [FStringPart]?, debugText: String?)
}

/// One argument at a call site.
enum CallArgument {
    case positional(Expr)
    case keyword(String, Expr)
    case star(Expr)
    case doubleStar(Expr)
}

/// One item of a dict display.
enum DictItem {
    case pair(Expr, Expr)
    case spread(Expr)
}

/// A `for target in iterable if condition...` clause of a comprehension.
struct ComprehensionClause {
    var target: Expr
    var iterable: Expr
    var conditions: [Expr]
}

/// A list/set/dict comprehension or generator expression. It runs in its own frame.
final class Comprehension {
    enum Kind { case list, set, dict, generator }
    let kind: Kind
    /// The element (or the key, for dict comprehensions).
    let element: Expr
    let value: Expr?
    let clauses: [ComprehensionClause]
    var slotCount = 0
    init(kind: Kind, element: Expr, value: Expr?, clauses: [ComprehensionClause]) {
        self.kind = kind
        self.element = element
        self.value = value
        self.clauses = clauses
    }
}

/// Expressions, each with its source position.
indirect enum Expr {
    case constant(Value, Position)
    case name(NameRef, Position)
    case fstring([FStringPart], Position)
    case list([Expr], Position)
    case tuple([Expr], Position)
    case set([Expr], Position)
    case dict([DictItem], Position)
    case starred(Expr, Position)
    case unary(UnaryOperator, Expr, Position)
    case binary(BinaryOperator, Expr, Expr, Position)
    case and(Expr, Expr, Position)
    case or(Expr, Expr, Position)
    case not(Expr, Position)
    case compare(Expr, [(CompareOperator, Expr)], Position)
    case conditional(test: Expr, then: Expr, orElse: Expr, Position)
    case call(Expr, [CallArgument], Position)
    /// A call without `*`/`**` arguments (`f(a, b, key=c)`), the common case, which binds
    /// straight into a cell function's slots.
    case directCall(Expr, positional: [Expr], keywordNames: [String], keywordValues: [Expr], Position)
    case attribute(Expr, String, Position)
    case `subscript`(Expr, Expr, Position)
    case slice(Expr?, Expr?, Expr?, Position)
    case lambda(FunctionCode, defaults: [Expr], Position)
    case comprehension(Comprehension, Position)
    /// `yield value` / `yield from iterable`: only as a statement or an assignment's value
    /// in a `def` (which makes it a generator function); the generator runner handles them.
    case yield(Expr?, Position)
    case yieldFrom(Expr, Position)

    var position: Position {
        switch self {
        case .constant(_, let p), .name(_, let p), .fstring(_, let p), .list(_, let p),
             .tuple(_, let p), .set(_, let p), .dict(_, let p), .starred(_, let p),
             .unary(_, _, let p), .binary(_, _, _, let p), .and(_, _, let p), .or(_, _, let p),
             .not(_, let p), .compare(_, _, let p), .conditional(_, _, _, let p),
             .call(_, _, let p), .directCall(_, _, _, _, let p), .attribute(_, _, let p), .subscript(_, _, let p),
             .slice(_, _, _, let p), .lambda(_, _, let p), .comprehension(_, let p),
             .yield(_, let p), .yieldFrom(_, let p):
            return p
        }
    }
}

/// A parameter of a `def` or `lambda`.
struct Parameter {
    enum Kind { case positional, keywordOnly, varargs, varKeywords }
    var name: String
    var kind: Kind
    var hasDefault: Bool
    var slot: Int
}

/// The compiled form of a `def` or `lambda`: parameters, body and frame layout.
final class FunctionCode {
    let name: String
    let qualifiedName: String
    let parameters: [Parameter]
    var body: [Stmt] = []
    /// For lambdas: the single expression returned.
    var expression: Expr?
    var slotCount = 0
    var localNames: [String] = []
    /// The cell the function was defined in, and its `def` line there.
    let cellNumber: Int
    let line: Int
    /// The last line of the body (for a `def`).
    var lastLine = 0
    /// The `def` this function is nested in, if any.
    weak var enclosing: FunctionCode?
    /// Whether this is a `def` directly in a class body (a method: `super()` works in it).
    var isMethod = false
    /// Whether the body contains `yield`: calling the function makes a generator.
    var isGenerator = false
    /// The cell source it was parsed from and its place there (state snapshots re-create
    /// functions by re-parsing their cell).
    var origin: FunctionOrigin?

    /// The lines IPython takes traceback context from: a `def`'s own lines; for a lambda,
    /// its enclosing `def`'s (nil: the whole cell).
    var scopeLines: ClosedRange<Int>? {
        if name == "<lambda>" { return enclosing?.scopeLines }
        return line...max(line, lastLine)
    }

    init(name: String, qualifiedName: String, parameters: [Parameter], cellNumber: Int, line: Int) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.parameters = parameters
        self.cellNumber = cellNumber
        self.line = line
        let plain = parameters.filter { $0.kind == .positional || $0.kind == .keywordOnly }.map(\.name)
        let star = parameters.filter { $0.kind == .varargs }.map { "*" + $0.name }
        let starStar = parameters.filter { $0.kind == .varKeywords }.map { "**" + $0.name }
        signature = "\(name)(\((plain + star + starStar).joined(separator: ", ")))"
        hasOnlyPlainParameters = parameters.allSatisfy { $0.kind == .positional }
        layout = ParameterLayout(parameters)
        directPositionalLimit = layout.varargsSlot == nil && layout.varKeywordsSlot == nil ? layout.positionalSlots.count : -1
    }

    /// The last answer of `keywordSlots` and what it was for (call sites in loops and
    /// recursion ask again and again). Only the interpreter's thread touches these.
    @exclusivity(unchecked) private var cachedKeywordNames: [String] = []
    @exclusivity(unchecked) private var cachedPositionalCount = -1
    @exclusivity(unchecked) private var cachedKeywordSlots: [Int]?

    /// The slots the keyword arguments `names` bind to in a call that passes
    /// `positionalCount` arguments by position first, or nil when they would not bind
    /// cleanly (a name that is no parameter, given twice, or already given by position):
    /// the caller then binds the general way, which raises CPython's error.
    func keywordSlots(_ names: [String], positionalCount: Int) -> [Int]? {
        // The same array (a call site's) means the same names: the cache keeps its buffer alive.
        let same = names.withUnsafeBufferPointer { a in
            cachedKeywordNames.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        if same && positionalCount == cachedPositionalCount { return cachedKeywordSlots }
        var slots: [Int] = []
        for name in names {
            // Positional parameter j has slot j; keyword-only ones come after them all.
            guard let p = layout.named.first(where: { $0.name == name }), p.slot >= positionalCount,
                  !slots.contains(p.slot) else {
                slots = []
                break
            }
            slots.append(p.slot)
        }
        cachedKeywordNames = names
        cachedPositionalCount = positionalCount
        cachedKeywordSlots = slots.count == names.count ? slots : nil
        return cachedKeywordSlots
    }

    // Computed once in `init` (stored `let`s: no per-call work or exclusivity checks).

    /// How IPython shows the frame: `f(x, y, *args, **kwargs)`.
    let signature: String
    /// Only plain positional parameters without defaults: calls bind by position.
    let hasOnlyPlainParameters: Bool
    /// How many positional arguments a call may pass straight into slots 0, 1, ...: the
    /// positional parameters' count, or -1 with `*args`/`**kwargs`.
    let directPositionalLimit: Int
    /// The parameters grouped for binding.
    let layout: ParameterLayout
}

/// A function's parameters grouped the way argument binding walks them.
struct ParameterLayout {
    /// Slots of the positional parameters, in order.
    let positionalSlots: [Int]
    /// How many positional parameters have no default.
    let requiredPositional: Int
    /// Positional and keyword-only parameters, in order (the ones keywords can name).
    let named: [Parameter]
    let varargsSlot: Int?
    let varKeywordsSlot: Int?

    init(_ parameters: [Parameter]) {
        let positional = parameters.filter { $0.kind == .positional }
        positionalSlots = positional.map(\.slot)
        requiredPositional = positional.filter { !$0.hasDefault }.count
        named = parameters.filter { $0.kind == .positional || $0.kind == .keywordOnly }
        varargsSlot = parameters.first { $0.kind == .varargs }?.slot
        varKeywordsSlot = parameters.first { $0.kind == .varKeywords }?.slot
    }
}

/// One `import a.b as c` or `from m import a as c` name.
struct ImportName {
    var path: String
    var alias: String?
    var binding: NameRef
}

/// One `except Type as name:` clause.
struct ExceptHandler {
    var type: Expr?
    var binding: NameRef?
    var body: [Stmt]
    var line: Int
}

/// Statements, each with its line.
indirect enum Stmt {
    case expression(Expr, line: Int)
    case assign(targets: [Expr], value: Expr, line: Int)
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr, line: Int)
    case ifElse(branches: [(Expr, [Stmt])], orElse: [Stmt], line: Int)
    case whileLoop(test: Expr, body: [Stmt], orElse: [Stmt], line: Int)
    case forLoop(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt], line: Int)
    case breakLoop(line: Int)
    case continueLoop(line: Int)
    case pass(line: Int)
    case functionDef(FunctionCode, defaults: [Expr], binding: NameRef, line: Int)
    /// `class Name(base):` — the body is compiled like a function without parameters
    /// whose frame's slots become the class namespace.
    case classDef(FunctionCode, bases: [Expr], binding: NameRef, line: Int)
    /// `with a as x, b:` — context managers entered in order, exited in reverse.
    case with(items: [(context: Expr, target: Expr?)], body: [Stmt], line: Int)
    /// `@d1 @d2 def/class`: the definition runs, then `name` (which it bound) is rebound
    /// to `d1(d2(name))`; the decorator expressions are evaluated first, as in Python.
    case decorated(decorators: [Expr], definition: Stmt, name: NameRef, line: Int)
    case returnValue(Expr?, line: Int)
    case importModules([ImportName], line: Int)
    case importFrom(module: String, names: [ImportName], line: Int)
    case delete([Expr], line: Int)
    case assert(Expr, message: Expr?, line: Int)
    case tryExcept(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt], line: Int)
    case raise(Expr?, cause: Expr?, line: Int)
    /// `global` / `nonlocal`: resolved at parse time, nothing to do at run time.
    case declaration(line: Int)

    var line: Int {
        switch self {
        case .expression(_, let l), .assign(_, _, let l), .augmentedAssign(_, _, _, let l),
             .ifElse(_, _, let l), .whileLoop(_, _, _, let l), .forLoop(_, _, _, _, let l),
             .breakLoop(let l), .continueLoop(let l), .pass(let l), .functionDef(_, _, _, let l),
             .classDef(_, _, _, let l), .decorated(_, _, _, let l), .with(_, _, let l),
             .returnValue(_, let l), .importModules(_, let l), .importFrom(_, _, let l),
             .delete(_, let l), .assert(_, _, let l), .tryExcept(_, _, _, _, let l),
             .raise(_, _, let l), .declaration(let l):
            return l
        }
    }
}

/// A parsed cell: its statements and whether IPython would display its last expression
/// (not when the cell ends with `;`).
struct Program {
    var body: [Stmt]
    var displaysLastExpression: Bool
}
