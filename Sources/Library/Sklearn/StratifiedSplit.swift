import CellLanguage

/// The split `train_test_split(..., stratify=y)` makes, in scikit-learn's order of random
/// draws (its `StratifiedShuffleSplit`): each class's share of the train and test rows by
/// `_approximate_mode` (ties broken at random), a permutation within each class, then a
/// permutation of the train and of the test rows.
struct StratifiedSplit {
    /// The sorted distinct labels.
    let classes: [ClassLabel]
    /// The rows of each class, in increasing order.
    let members: [[Int]]

    init(labels: [ClassLabel]) {
        classes = Set(labels).sorted()
        let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var members = [[Int]](repeating: [], count: classes.count)
        for (row, label) in labels.enumerated() { members[position[label] ?? 0].append(row) }
        self.members = members
    }

    func indices(train nTrain: Int, test nTest: Int, _ rng: inout SplitShuffler) throws -> (train: [Int], test: [Int]) {
        let counts = members.map(\.count)
        let tooFew = classes.indices.filter { counts[$0] < 2 }
        if !tooFew.isEmpty {
            let names = tooFew.map { classes[$0].value.repr }.joined(separator: ", ")
            throw PyException(.valueError, "The least populated classes in y have only 1 member, which is too few. The minimum number of "
                              + "groups for any class cannot be less than 2. Classes with too few members are: [\(names)]")
        }
        if nTrain < classes.count {
            throw PyException(.valueError, "The train_size = \(nTrain) should be greater or equal to the number of classes = \(classes.count)")
        }
        if nTest < classes.count {
            throw PyException(.valueError, "The test_size = \(nTest) should be greater or equal to the number of classes = \(classes.count)")
        }
        let trainShare = Self.approximateMode(counts, draws: nTrain, &rng)
        let testShare = Self.approximateMode(zip(counts, trainShare).map { $0 - $1 }, draws: nTest, &rng)
        var train: [Int] = [], test: [Int] = []
        for (i, rows) in members.enumerated() {
            let shuffled = rng.permutation(counts[i]).map { rows[$0] }
            train += shuffled[0..<trainShare[i]]
            test += shuffled[trainShare[i]..<(trainShare[i] + testShare[i])]
        }
        rng.shuffle(&train)
        rng.shuffle(&test)
        return (train, test)
    }

    /// scikit-learn's `_approximate_mode`: each class's draws in proportion, rounded down,
    /// then the rest given by largest remainder, ties drawn at random.
    static func approximateMode(_ counts: [Int], draws: Int, _ rng: inout SplitShuffler) -> [Int] {
        let total = Double(counts.reduce(0, +))
        let continuous = counts.map { Double($0) / total * Double(draws) }
        var floored = continuous.map { $0.rounded(.down) }
        var needToAdd = draws - Int(floored.reduce(0, +))
        if needToAdd > 0 {
            let remainder = zip(continuous, floored).map { $0 - $1 }
            for value in Set(remainder).sorted(by: >) {
                let tied = remainder.indices.filter { remainder[$0] == value }
                let addNow = min(tied.count, needToAdd)
                for k in rng.permutation(tied.count).prefix(addNow) { floored[tied[k]] += 1 }
                needToAdd -= addNow
                if needToAdd == 0 { break }
            }
        }
        return floored.map { Int($0) }
    }
}
