/// A notebook's cell keys, built cell by cell as the parameters each cell reads become
/// known: from the cache's entries for the cells it reuses, from the run for the others.
///
///     var chain = KeyChain(sources: sources, engineVersion: engine, parameters: params, seed: 0)
///     let stem = chain.nextStem                   // the first cell's stem
///     let key = chain.append(reads: ["units"])    // it read `units`: its key
///     chain.reads                                 // ["units"], for every later key too
public struct KeyChain: Sendable {
    public let sources: [String]
    public let engineVersion: String
    /// All the notebook's parameters with this run's values, in front-matter order.
    public let parameters: [NotebookParameter]
    public let seed: Int
    /// The keys of cells `0..<keys.count`.
    public private(set) var keys: [CellKey] = []
    /// Their stems.
    public private(set) var stems: [CellKey] = []
    /// For each of those cells, the names of the parameters it and the cells above it read.
    public private(set) var readsByCell: [Set<String>] = []
    /// The names of the parameters read by the cells keyed so far.
    public var reads: Set<String> { readsByCell.last ?? [] }

    public init(sources: [String], engineVersion: String, parameters: [NotebookParameter], seed: Int) {
        self.sources = sources
        self.engineVersion = engineVersion
        self.parameters = parameters
        self.seed = seed
    }

    /// Whether every cell has its key.
    public var isComplete: Bool { keys.count == sources.count }

    /// The stem of the next cell (`keys.count`), which needs the key of the one before.
    public var nextStem: CellKey {
        CellKey.stem(previous: keys.last, source: sources[keys.count], engineVersion: engineVersion,
                     parameterNames: parameters.map(\.name), seed: seed)
    }

    /// The named parameters with this run's values, in front-matter order.
    public func values(of names: Set<String>) -> [NotebookParameter] {
        parameters.filter { names.contains($0.name) }
    }

    /// Adds the next cell, which read (or assigned) the parameters `cellReads`; returns its key.
    @discardableResult
    public mutating func append(reads cellReads: Set<String>) -> CellKey {
        let stem = nextStem
        let all = reads.union(cellReads)
        let key = CellKey(stem: stem, reads: values(of: all))
        stems.append(stem)
        keys.append(key)
        readsByCell.append(all)
        return key
    }

    /// Adds the next cell from its cache entry (found under `nextStem`).
    public mutating func append(_ entry: CacheEntry) {
        stems.append(entry.stem ?? nextStem)
        keys.append(entry.key)
        readsByCell.append(Set(entry.reads.map(\.name)))
    }

    /// The chain cut to its first `count` cells.
    public func prefix(_ count: Int) -> KeyChain {
        var chain = self
        chain.keys = Array(keys.prefix(count))
        chain.stems = Array(stems.prefix(count))
        chain.readsByCell = Array(readsByCell.prefix(count))
        return chain
    }
}
