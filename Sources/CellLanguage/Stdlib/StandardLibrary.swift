/// The standard-library modules cells can import (the subset notebooks use; see
/// docs/language.md), registered into every `ModuleRegistry`.
enum StandardLibrary {
    static func register(_ add: (String, @escaping (Interpreter) throws -> Module) -> Void,
                         snapshotting: SnapshotRegistry) {
        add("__future__", SystemModules.future)
        add("sys", SystemModules.sys)
        add("string", SystemModules.string)
        add("typing", SystemModules.typing)
        add("warnings", WarningsModule.make)
        add("time", TimeModule.make)
        add("itertools", ItertoolsModule.make)
        add("functools", FunctoolsModule.make)
        add("json", JSONModule.make)
        add("os", OSModule.make)
        add("os.path", OSModule.makePath)
        add("statistics", StatisticsModule.make)
        add("copy", CopyModule.make)
        add("collections", CollectionsModule.make)
        add("datetime", DatetimeModule.make)
        add("pprint", PprintModule.make)
        for kind in [PartialFunction.self, DictLike.self, Deque.self, NamedTupleType.self,
                     NamedTupleValue.self] as [SnapshotCodable.Type] {
            snapshotting.register(kind)
        }
    }
}

extension Arguments {
    /// The one positional argument of `function` as a string, with CPython's TypeError.
    func string(at index: Int, _ function: String) throws -> String {
        guard index < positional.count else {
            throw PyException(.typeError, "\(function)() missing required argument (pos \(index + 1))")
        }
        guard case .str(let s) = positional[index] else {
            throw PyException(.typeError, "\(function)() argument \(index + 1) must be str, not \(positional[index].typeName)")
        }
        return s
    }
}
