import CellLanguage

/// `x[key]` and `x[key] = v`: integers (negative too), slices with steps, `None`
/// (`np.newaxis`), tuples of those, integer arrays/lists (fancy indexing, NumPy's placement
/// rules) and boolean masks. The selection is a list of buffer offsets of equal-sized
/// contiguous blocks (the unindexed trailing axes, when they are contiguous), so `x[perm]`
/// of a 60000x784 array copies rows, not elements. Reading with basic indices only
/// (`BasicIndex`) makes a view instead.
struct Selection {
    /// Shape of the result.
    var shape: [Int]
    /// Start offset of each block in the source, in result order.
    var offsets: [Int]
    /// Elements per block (the product of the trailing axes not indexed).
    var block: Int
    /// Whether every axis got an integer index (the result is a scalar).
    var isScalar: Bool

    /// What a group of result axes adds to the source offset.
    private struct Group {
        var shape: [Int]
        var offsets: [Int]
    }

    init(_ key: Value, in array: NDArray) throws {
        try self.init(try IndexItem.parse(key, ndim: array.ndim), in: array)
    }

    private init(shape: [Int], offsets: [Int], block: Int, isScalar: Bool) {
        self.shape = shape
        self.offsets = offsets
        self.block = block
        self.isScalar = isScalar
    }

    /// The selection in five phases: boolean masks become integer arrays, unindexed axes become
    /// full slices, the trailing contiguous axes become the copied block, each remaining index
    /// becomes a group of result axes (the fancy ones broadcast into one group, placed as NumPy
    /// places it), and the groups multiply out into block offsets.
    init(_ items: [IndexItem], in array: NDArray) throws {
        if let selection = Selection.leadingMask(items, in: array) {
            self = selection
            return
        }
        let shape = array.shape
        var expanded = try Selection.expandingMasks(items, shape: shape)
        let consumed = expanded.filter { if case .newAxis = $0 { return false } else { return true } }.count
        if consumed > shape.count {
            throw PyException(.indexError, "too many indices for array: array is \(shape.count)-dimensional, but \(consumed) were indexed")
        }
        let hasFancy = expanded.contains { if case .indices = $0 { return true } else { return false } }
        expanded += Array(repeating: .slice(PySlice()), count: shape.count - consumed)
        let (block, blockAxes) = try Selection.contiguousBlock(expanded, shape: shape, strides: array.strides)
        let groups = try Selection.groups(
            expanded.dropLast(blockAxes), shape: shape, strides: array.strides, hasFancy: hasFancy)
        var resultShape: [Int] = []
        var offsets = [array.layout.offset]
        for g in groups {
            resultShape += g.shape
            if g.offsets.count == 1 {
                let d = g.offsets[0]
                if d != 0 { offsets = offsets.map { $0 + d } }
            } else {
                var next: [Int] = []
                next.reserveCapacity(offsets.count * g.offsets.count)
                for o in offsets { for d in g.offsets { next.append(o + d) } }
                offsets = next
            }
        }
        self.shape = resultShape + shape.suffix(blockAxes)
        self.offsets = offsets
        self.block = block
        self.isScalar = !hasFancy && consumed == shape.count && !items.contains {
            if case .integer = $0 { return false } else { return true }
        }
    }

    /// `x[mask]` with one mask over the leading axes of a contiguous array: the flat positions
    /// of its true elements, directly (nil for any other key).
    private static func leadingMask(_ items: [IndexItem], in array: NDArray) -> Selection? {
        let shape = array.shape
        guard items.count == 1, case .mask(let m) = items[0], m.ndim >= 1, m.ndim <= shape.count,
              array.layout.isContiguous, Array(shape.prefix(m.ndim)) == m.shape,
              case .bool(let flags) = m.storage else { return nil }
        let base = array.layout.offset
        let block = shape.dropFirst(m.ndim).reduce(1, *)
        var offsets: [Int] = []
        flags.withUnsafeBufferPointer { f in
            for i in 0..<f.count where f[i] { offsets.append(base + i * block) }
        }
        return Selection(shape: [offsets.count] + shape.dropFirst(m.ndim), offsets: offsets, block: block, isScalar: false)
    }

    /// The index with each boolean mask replaced by integer arrays, one per axis it covers
    /// (`x[True]` adds an axis of 1, `x[False]` one of 0).
    private static func expandingMasks(_ items: [IndexItem], shape: [Int]) throws -> [IndexItem] {
        var expanded: [IndexItem] = []
        var axis = 0
        for item in items {
            switch item {
            case .mask(let m):
                if m.ndim == 0 {
                    let keep = m.storage.asBool()[0]
                    expanded.append(.newAxis)
                    if !keep { expanded.append(.indices(NDArray(shape: [0], storage: .int64([])))) }
                    continue
                }
                for (k, extent) in m.shape.enumerated() {
                    let size = axis + k < shape.count ? shape[axis + k] : 0
                    if axis + k >= shape.count || extent != size {
                        throw PyException(.indexError, "boolean index did not match indexed array along axis \(axis + k); "
                                          + "size of axis is \(size) but size of corresponding boolean axis is \(extent)")
                    }
                }
                for c in Selection.nonzero(m) { expanded.append(.indices(c)) }
                axis += m.ndim
            case .newAxis: expanded.append(item)
            default:
                expanded.append(item)
                axis += 1
            }
        }
        return expanded
    }

    /// The trailing full slices that are contiguous in the buffer: the elements each offset
    /// stands for (`block`), and how many axes that is.
    private static func contiguousBlock(_ items: [IndexItem], shape: [Int], strides: [Int]) throws -> (block: Int, axes: Int) {
        var block = 1, axes = 0, last = items.count
        while last > 0, case .slice(let s) = items[last - 1], axes < shape.count {
            let a = shape.count - axes - 1
            let (start, _, step) = try s.indices(length: shape[a])
            guard step == 1, start == 0, Selection.count(s, shape[a]) == shape[a],
                  strides[a] == block || shape[a] == 1 else { break }
            block *= shape[a]
            axes += 1
            last -= 1
        }
        return (block, axes)
    }

    /// The groups of result axes, in order, for the items before the block. With fancy
    /// indices (integer arrays, and then integers too) they broadcast into one group, which
    /// NumPy places where the first of them stood when they are adjacent, else first.
    private static func groups(_ items: ArraySlice<IndexItem>, shape: [Int], strides: [Int], hasFancy: Bool) throws -> [Group] {
        var groups: [Group] = []
        var fancyPosition: Int? = nil
        var fancyContiguous = true
        var lastWasFancy = false
        var sourceAxis = 0
        var fancyParts: [(NDArray, Int)] = []  // index array and source axis
        func addFancy(_ a: NDArray) {
            if fancyPosition == nil { fancyPosition = groups.count } else if !lastWasFancy { fancyContiguous = false }
            fancyParts.append((a, sourceAxis))
            lastWasFancy = true
            sourceAxis += 1
        }
        for item in items {
            switch item {
            case .integer(let i) where hasFancy:
                addFancy(NDArray(shape: [], storage: .int64([Int64(i)])))
            case .integer(let i):
                let n = shape[sourceAxis]
                let j = i < 0 ? i + n : i
                guard j >= 0 && j < n else {
                    throw PyException(.indexError, "index \(i) is out of bounds for axis \(sourceAxis) with size \(n)")
                }
                groups.append(Group(shape: [], offsets: [j * strides[sourceAxis]]))
                lastWasFancy = false
                sourceAxis += 1
            case .slice(let s):
                let n = shape[sourceAxis]
                let positions = try s.positions(length: n)
                groups.append(Group(shape: [Selection.count(s, n)], offsets: positions.map { $0 * strides[sourceAxis] }))
                lastWasFancy = false
                sourceAxis += 1
            case .newAxis:
                groups.append(Group(shape: [1], offsets: [0]))
                lastWasFancy = false
            case .indices(let a):
                addFancy(a)
            case .mask:
                break
            }
        }
        if !fancyParts.isEmpty {
            let fancy = try fancyGroup(fancyParts, shape: shape, strides: strides)
            groups.insert(fancy, at: fancyContiguous ? (fancyPosition ?? 0) : 0)
        }
        return groups
    }

    /// The fancy indices broadcast together: one offset per element of the broadcast shape.
    private static func fancyGroup(_ parts: [(NDArray, Int)], shape: [Int], strides: [Int]) throws -> Group {
        var broadcastShape: [Int] = []
        for (a, _) in parts {
            do { broadcastShape = try Broadcasting.shape(broadcastShape, a.shape) } catch {
                let shapes = parts.map { ArrayPrinter.shapeString($0.0.shape) }.joined(separator: " ")
                throw PyException(.indexError, "shape mismatch: indexing arrays could not be broadcast together with shapes \(shapes) ")
            }
        }
        var offsets = Array(repeating: 0, count: try ArrayAllocation.check(broadcastShape, .int64))
        for (a, ax) in parts {
            let n = shape[ax]
            let values = Broadcasting.expand(a.storage.asInt64(), a.shape, to: broadcastShape)
            for (k, v) in values.enumerated() {
                let j = v < 0 ? Int(v) + n : Int(v)
                guard j >= 0 && j < n else {
                    throw PyException(.indexError, "index \(v) is out of bounds for axis \(ax) with size \(n)")
                }
                offsets[k] += j * strides[ax]
            }
        }
        return Group(shape: broadcastShape, offsets: offsets)
    }

    /// The elements a slice selects from an axis of `n`.
    static func count(_ s: PySlice, _ n: Int) -> Int {
        guard let (start, stop, step) = try? s.indices(length: n) else { return 0 }
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }

    /// `np.nonzero(mask)`: one int64 array of coordinates per axis.
    static func nonzero(_ mask: NDArray) -> [NDArray] {
        let values = mask.storage.asBool()
        let strides = NDArray.strides(for: mask.shape)
        var coordinates = Array(repeating: [Int64](), count: max(mask.ndim, 1))
        for (i, v) in values.enumerated() where v {
            var rest = i
            for axis in 0..<mask.ndim {
                coordinates[axis].append(Int64(rest / strides[axis]))
                rest %= strides[axis]
            }
        }
        return coordinates.prefix(mask.ndim).map { NDArray(shape: [$0.count], storage: .int64($0)) }
    }
}

extension NDArray {
    /// `x[key]`: a view for basic indices, a new array for fancy ones, or (every axis given
    /// an integer) a 0-d copy for a NumPy scalar.
    func subscripted(_ key: Value) throws -> NDArray {
        let items = try IndexItem.parse(key, ndim: ndim)
        if let basic = try BasicIndex(items, in: layout) {
            if basic.isScalar && !IndexItem.hasEllipsis(key) {
                return NDArray(shape: [], storage: buffer.elements.element(basic.layout.offset))
            }
            return view(basic.layout)
        }
        let s = try Selection(items, in: self)
        return NDArray(shape: s.shape, storage: buffer.elements.transformed(RunGather(runs: BlockRuns(offsets: s.offsets, block: s.block))))
    }

    /// `x[key] = value`, the value broadcast to the selection and cast to the array's dtype;
    /// written into the buffer, so views of it see the change.
    func assign(_ key: Value, _ value: Value) throws {
        let s = try Selection(key, in: self)
        let source: NDArray
        switch Arithmetic.Operand(value) {
        case .array(let a)?: source = a
        case let weak?: source = try Arithmetic.weak(weak, against: dtype, comparison: false)
        case nil:
            throw PyException(.typeError, "float() argument must be a string or a real number, not '\(value.typeName)'")
        }
        // The value must stretch to the selection, not the selection to the value (`a[0] = ()`).
        guard (try? Broadcasting.shape(source.shape, s.shape)) == s.shape else {
            if s.shape.isEmpty {
                switch value {
                case .list where dtype.isInteger, .tuple where dtype.isInteger:
                    throw PyException(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(value.typeName)'")
                default: throw PyException(.valueError, "setting an array element with a sequence.")
                }
            }
            throw PyException(.valueError, "could not broadcast input array from shape \(ArrayPrinter.shapeString(source.shape)) "
                              + "into shape \(ArrayPrinter.shapeString(s.shape))")
        }
        let total = s.shape.reduce(1, *)
        if total == 0 { return }
        let values = NDArray(shape: source.shape, storage: source.storage.converted(to: dtype))
        buffer.scatter(values.broadcast(to: s.shape), at: BlockRuns(offsets: s.offsets, block: s.block))
    }

    /// The elements repeated to `shape` (which the caller checked is a broadcast of ours).
    func broadcast(to shape: [Int]) -> ArrayStorage {
        if shape == self.shape { return storage }
        return storage.transformed(Expand(from: self.shape, to: shape))
    }
}

/// Broadcasts elements to a larger shape.
struct Expand: StorageTransform {
    let from: [Int]
    let to: [Int]
    func apply<T>(_ elements: [T]) -> [T] { Broadcasting.expand(elements, from, to: to) }
}
