#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Frees nested values without recursion.
///
/// Left to Swift, freeing `x` after `for i in range(100000): x = [x]` releases the outer
/// list, whose deinit releases the next one, and so on: one stack frame per level, which
/// overflows any stack (a SIGSEGV at the end of the run). So the containers that hold values
/// (lists, dicts, sets, frames, the global table) hand their contents here when they die,
/// and the first one to die on a thread frees everything in a loop: a value released
/// while that loop runs only adds its own contents to the work list. Tuples have no deinit
/// of their own, so the loop opens them (when nothing else holds their items) the same way.
///
///     deinit { ValueReclaimer.reclaim(&items) }
enum ValueReclaimer {
    /// One thread's work list.
    final class WorkList {
        var batches: [[Value]] = []
        var draining = false

        func drain() {
            draining = true
            defer { draining = false }
            while var batch = batches.popLast() {
                while var value = batch.popLast() {
                    // Dropping `value` may free a container, whose deinit only appends here.
                    guard case .tuple = value else { continue }
                    var owned = value.takeTupleItems()
                    if !owned.isEmpty, ValueReclaimer.isUnique(&owned) { batches.append(owned) }
                }
            }
        }
    }

    /// Takes the contents of a dying container (leaving it empty) and frees them, or queues
    /// them when this thread is freeing already.
    @inline(__always)
    static func reclaim(_ values: inout [Value]) {
        guard values.contains(where: \.mayNest) else { return }
        hand(&values)
    }

    /// `reclaim` for slots (a frame's locals, the globals): moves out the values that may
    /// nest, leaving nil behind.
    static func reclaim(slots base: UnsafeMutablePointer<Value?>, count: Int) {
        var nested: [Value] = []
        for i in 0..<count {
            guard base[i]?.mayNest == true, let value = base[i] else { continue }
            nested.append(value)
            base[i] = nil
        }
        if !nested.isEmpty { hand(&nested) }
    }

    private static func hand(_ values: inout [Value]) {
        let list = current
        list.batches.append(values)
        values = []
        if !list.draining { list.drain() }
    }

    /// Whether `items` is the only reference to its buffer, so dropping it frees the items.
    /// An array is one reference to its storage object (Linux has no bridged arrays).
    private static func isUnique(_ items: inout [Value]) -> Bool {
        #if os(Linux)
        return withUnsafeMutablePointer(to: &items) {
            $0.withMemoryRebound(to: AnyObject.self, capacity: 1) { isKnownUniquelyReferenced(&$0.pointee) }
        }
        #else
        return false
        #endif
    }

    // MARK: The thread's work list

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            #if os(Linux)
            guard let pointer else { return }
            #endif
            Unmanaged<WorkList>.fromOpaque(pointer).release()
        }
        return key
    }()

    private static var current: WorkList {
        if let pointer = pthread_getspecific(key) { return Unmanaged<WorkList>.fromOpaque(pointer).takeUnretainedValue() }
        let list = WorkList()
        pthread_setspecific(key, Unmanaged.passRetained(list).toOpaque())
        return list
    }
}

extension Value {
    /// Whether freeing this value may free other containers in turn.
    @inline(__always)
    var mayNest: Bool {
        switch self {
        case .list, .dict, .set: return true
        case .tuple(let items): return !items.isEmpty
        default: return false
        }
    }

    /// A tuple's items, leaving `.none` behind, so the caller may hold the only reference.
    fileprivate mutating func takeTupleItems() -> [Value] {
        guard case .tuple(let items) = self else { return [] }
        self = .none
        return items
    }
}
