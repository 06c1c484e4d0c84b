import CellLanguage
import Foundation

/// `sklearn.model_selection.train_test_split(*arrays, test_size=None, train_size=None,
/// random_state=None, shuffle=True, stratify=None)`: the rows of every array split alike,
/// returned as `[a_train, a_test, b_train, b_test, ...]` (arrays stay arrays, lists stay lists).
/// An integer `random_state` draws from NumPy's legacy Mersenne Twister as scikit-learn does,
/// so the split is scikit-learn's; `None` draws from the session's seeded generator.
enum TrainTestSplit {
    static func split(_ args: Arguments, context: NumPyContext) throws -> Value {
        let b = try args.bind("train_test_split", [
            HostParameter("test_size", default: .none, keywordOnly: true), HostParameter("train_size", default: .none, keywordOnly: true),
            HostParameter("random_state", default: .none, keywordOnly: true), HostParameter("shuffle", default: .bool(true), keywordOnly: true),
            HostParameter("stratify", default: .none, keywordOnly: true)], extraPositional: true)
        let arrays = b.extraPositional
        guard !arrays.isEmpty else { throw PyException(.valueError, "At least one array required as input") }
        let lengths = try arrays.map(length)
        try TargetPair.checkLengths(lengths)
        let n = lengths[0]
        let (nTrain, nTest) = try sizes(n, test: b["test_size"], train: b["train_size"])
        let train: [Int], test: [Int]
        if !b["shuffle"].isTruthy {
            guard b["stratify"].isNone else {
                throw PyException(.valueError, "Stratified train/test split is not implemented for shuffle=False")
            }
            train = Array(0..<nTrain)
            test = Array(nTrain..<(nTrain + nTest))
        } else {
            var shuffler = try shuffler(b["random_state"], context)
            if b["stratify"].isNone {
                let order = shuffler.permutation(n)
                test = Array(order[0..<nTest])
                train = Array(order[nTest..<(nTest + nTrain)])
            } else {
                let y = try ClassTargets(b["stratify"], name: "stratify")
                guard y.rows.isEmpty else {
                    throw PyException(.notImplementedError, "Labbook's train_test_split does not implement stratify= with a 2-d array; "
                                      + "pass one label per sample")
                }
                try TargetPair.checkLengths([n, y.labels.count])
                (train, test) = try StratifiedSplit(labels: y.labels).indices(train: nTrain, test: nTest, &shuffler)
            }
        }
        var result: [Value] = []
        for a in arrays {
            result.append(try take(a, train))
            result.append(try take(a, test))
        }
        return .list(PyList(result))
    }

    private static func length(_ value: Value) throws -> Int {
        switch value {
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .host(let h as NDArray):
            guard let first = h.shape.first else {
                throw PyException(.typeError, "Singleton array \(h.repr) cannot be considered a valid collection.")
            }
            return first
        default:
            throw PyException(.typeError, "Expected sequence or array-like, got \(value.pythonType.name == "NoneType" ? "<class 'NoneType'>" : "<class '\(value.typeName)'>")")
        }
    }

    /// Rows `indices` of an array (an array) or a list or tuple (a list).
    private static func take(_ value: Value, _ indices: [Int]) throws -> Value {
        switch value {
        case .list(let l): return .list(PyList(indices.map { l.items[$0] }))
        case .tuple(let t): return .list(PyList(indices.map { t[$0] }))
        case .host(let h as NDArray):
            return .host(try h.subscripted(.host(NDArray(ArrayStorage.int64(indices.map(Int64.init))))))
        default: return value
        }
    }

    private static func shuffler(_ seed: Value, _ context: NumPyContext) throws -> SplitShuffler {
        switch seed {
        case .none: return .session(context)
        case .int(let s) where s >= 0 && s <= Int(UInt32.max): return .legacy(LegacyMersenneTwister(seed: UInt32(s)))
        default:
            throw PyException(.valueError, "The 'random_state' parameter of train_test_split must be an int in the range [0, 4294967295] "
                              + "or None in Labbook (a RandomState instance is not implemented). Got \(seed.repr) instead.")
        }
    }

    /// scikit-learn's `_validate_shuffle_split` with a default test size of 0.25:
    /// (train rows, test rows), floats as fractions (test rounded up, train down).
    static func sizes(_ n: Int, test: Value, train: Value) throws -> (Int, Int) {
        for (name, v) in [("test_size", test), ("train_size", train)] {
            let valid: Bool
            switch v {
            case .none: valid = true
            case .int(let i): valid = i >= 1
            case .float(let d): valid = d > 0 && d < 1
            default: valid = false
            }
            if !valid {
                throw PyException(.valueError, "The '\(name)' parameter of train_test_split must be a float in the range (0.0, 1.0), "
                                  + "an int in the range [1, inf) or None. Got \(v.repr) instead.")
            }
        }
        let testSize = test.isNone && train.isNone ? Value.float(0.25) : test
        func check(_ v: Value, _ name: String) throws {
            let bad: Bool
            switch v {
            case .int(let i): bad = i >= n || i <= 0
            case .float(let d): bad = d <= 0 || d >= 1
            case .none: bad = false
            default: throw PyException(.valueError, "Invalid value for \(name): \(v.str)")
            }
            if bad {
                throw PyException(.valueError, "\(name)=\(v.str) should be either positive and smaller than the number of samples \(n) "
                                  + "or a float in the (0, 1) range")
            }
        }
        try check(testSize, "test_size")
        try check(train, "train_size")
        if case .float(let a) = train, case .float(let c) = testSize, a + c > 1 {
            throw PyException(.valueError, "The sum of test_size and train_size = \(Value.float(a + c).str), should be in the (0, 1) range. "
                              + "Reduce test_size and/or train_size.")
        }
        func count(_ v: Value, rounding: FloatingPointRoundingRule) -> Int? {
            switch v {
            case .int(let i): return i
            case .float(let d): return Int((d * Double(n)).rounded(rounding))
            default: return nil
            }
        }
        var nTest = count(testSize, rounding: .up), nTrain = count(train, rounding: .down)
        if nTrain == nil { nTrain = n - (nTest ?? 0) } else if nTest == nil { nTest = n - (nTrain ?? 0) }
        let a = nTrain ?? 0, c = nTest ?? 0
        if a + c > n {
            throw PyException(.valueError, "The sum of train_size and test_size = \(a + c), should be smaller than the number of samples \(n). "
                              + "Reduce test_size and/or train_size.")
        }
        if a == 0 {
            throw PyException(.valueError, "With n_samples=\(n), test_size=\(testSize.str) and train_size=\(train.str), the resulting train "
                              + "set will be empty. Adjust any of the aforementioned parameters.")
        }
        return (a, c)
    }
}
