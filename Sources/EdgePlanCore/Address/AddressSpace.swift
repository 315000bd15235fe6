/// Free address space as an index of free CIDR blocks per prefix length (buddy style).
///
/// The free set is always kept canonical: every free block is aligned to its length, and two
/// free buddies are merged into their parent as long as the parent stays inside a pool root.
/// So an aligned block of a given size is free exactly when some free block contains it, and
/// allocation never needs to scan addresses: it looks at the lowest free block of each length.
public struct AddressSpace: Sendable, Equatable {
    /// The pools, merged and sorted; free blocks never merge across a root's boundary.
    public private(set) var roots: [IPv4Prefix]
    /// free[l]: network addresses of free blocks of length l, ascending.
    private var free: [[UInt32]]

    /// A space whose free set is the union of `pools` (overlapping pools are merged).
    public init(pools: [IPv4Prefix]) {
        roots = AddressSpace.canonicalCover(of: pools)
        free = Array(repeating: [], count: 33)
        for root in roots { free[Int(root.length)].append(root.network) }
        for l in 0...32 { free[l].sort() }
    }

    /// Free blocks in address order.
    public var freeBlocks: [IPv4Prefix] {
        var all: [IPv4Prefix] = []
        for l in 0...32 {
            for n in free[l] { all.append(IPv4Prefix(uncheckedNetwork: n, length: UInt8(l))) }
        }
        return all.sorted()
    }

    /// Number of free addresses.
    public var freeAddressCount: UInt64 {
        var total: UInt64 = 0
        for l in 0...32 { total += UInt64(free[l].count) * IPv4Prefix.size(ofLength: l) }
        return total
    }

    /// The shortest length for which an aligned free block exists, or nil when nothing is free.
    public var largestFreeLength: Int? { (0...32).first { !free[$0].isEmpty } }

    /// Takes the lowest-addressed aligned free block of `length`, or returns nil if none is free.
    public mutating func allocate(length: Int) -> IPv4Prefix? {
        guard (0...32).contains(length) else { return nil }
        var bestLevel = -1
        var bestNetwork = UInt32.max
        for l in 0...length {
            if let n = free[l].first, bestLevel < 0 || n < bestNetwork {
                bestLevel = l
                bestNetwork = n
            }
        }
        guard bestLevel >= 0 else { return nil }
        free[bestLevel].removeFirst()
        // Split down: keep the lower half each time, free the upper half.
        var l = bestLevel
        while l < length {
            l += 1
            let upper = bestNetwork | (1 << UInt32(32 - l))
            insertSorted(upper, level: l)
        }
        return IPv4Prefix(uncheckedNetwork: bestNetwork, length: UInt8(length))
    }

    /// Whether every address of `prefix` is free.
    public func isFree(_ prefix: IPv4Prefix) -> Bool { containingFreeLevel(prefix) != nil }

    /// Takes exactly `prefix`; fails unless every address in it is free.
    public mutating func take(_ prefix: IPv4Prefix) -> Bool {
        guard let level = containingFreeLevel(prefix) else { return false }
        let container = prefix.network & IPv4Prefix.mask(level)
        removeSorted(container, level: level)
        var network = container
        var l = level
        // Walk down towards prefix, freeing the half that does not hold it.
        while l < Int(prefix.length) {
            l += 1
            let bit: UInt32 = 1 << UInt32(32 - l)
            if prefix.network & bit != 0 {
                insertSorted(network, level: l)
                network |= bit
            } else {
                insertSorted(network | bit, level: l)
            }
        }
        return true
    }

    /// Removes every free address inside `prefix` (a hole: taken elsewhere, or reserved).
    /// Returns how many addresses were free and are now taken.
    @discardableResult
    public mutating func remove(_ prefix: IPv4Prefix) -> UInt64 {
        if take(prefix) { return prefix.size }
        var removed: UInt64 = 0
        // Free blocks strictly inside prefix.
        let start = prefix.network
        let end = prefix.end
        guard prefix.length < 32 else { return 0 }
        for l in (Int(prefix.length) + 1)...32 {
            let lo = lowerBound(start, level: l)
            var hi = lo
            while hi < free[l].count && UInt64(free[l][hi]) < end { hi += 1 }
            if hi > lo {
                removed += UInt64(hi - lo) * IPv4Prefix.size(ofLength: l)
                free[l].removeSubrange(lo..<hi)
            }
        }
        return removed
    }

    /// Returns `prefix` to the free set, merging buddies inside their root. The caller must only
    /// release what it took; releasing a block that is partly free or outside every root is refused.
    @discardableResult
    public mutating func release(_ prefix: IPv4Prefix) -> Bool {
        guard let rootLength = rootLength(containing: prefix) else { return false }
        guard !overlapsFree(prefix) else { return false }
        var network = prefix.network
        var l = Int(prefix.length)
        while l > rootLength {
            let buddy = network ^ (1 << UInt32(32 - l))
            guard removeSorted(buddy, level: l) else { break }
            network &= ~(1 << UInt32(32 - l))
            l -= 1
        }
        insertSorted(network, level: l)
        return true
    }

    // MARK: - Internals

    private func containingFreeLevel(_ prefix: IPv4Prefix) -> Int? {
        for l in 0...Int(prefix.length) {
            let n = prefix.network & IPv4Prefix.mask(l)
            if containsSorted(n, level: l) { return l }
        }
        return nil
    }

    private func overlapsFree(_ prefix: IPv4Prefix) -> Bool {
        if containingFreeLevel(prefix) != nil { return true }
        guard prefix.length < 32 else { return false }
        for l in (Int(prefix.length) + 1)...32 {
            let i = lowerBound(prefix.network, level: l)
            if i < free[l].count && UInt64(free[l][i]) < prefix.end { return true }
        }
        return false
    }

    private func rootLength(containing prefix: IPv4Prefix) -> Int? {
        // roots are sorted and disjoint: the candidate is the last root starting at or before prefix.
        var lo = 0, hi = roots.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if roots[mid].network <= prefix.network { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, roots[lo - 1].contains(prefix) else { return nil }
        return Int(roots[lo - 1].length)
    }

    @inline(__always)
    private func lowerBound(_ value: UInt32, level: Int) -> Int {
        var lo = 0, hi = free[level].count
        while lo < hi {
            let mid = (lo + hi) / 2
            if free[level][mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    @inline(__always)
    private func containsSorted(_ value: UInt32, level: Int) -> Bool {
        let i = lowerBound(value, level: level)
        return i < free[level].count && free[level][i] == value
    }

    @inline(__always)
    private mutating func insertSorted(_ value: UInt32, level: Int) {
        if let last = free[level].last, last < value {
            free[level].append(value)
        } else {
            free[level].insert(value, at: lowerBound(value, level: level))
        }
    }

    @discardableResult @inline(__always)
    private mutating func removeSorted(_ value: UInt32, level: Int) -> Bool {
        let i = lowerBound(value, level: level)
        guard i < free[level].count, free[level][i] == value else { return false }
        free[level].remove(at: i)
        return true
    }

    /// The largest aligned blocks that cover exactly the union of `prefixes`, in address order.
    public static func canonicalCover(of prefixes: [IPv4Prefix]) -> [IPv4Prefix] {
        var ranges: [(start: UInt64, end: UInt64)] = []
        for p in prefixes.sorted() {
            let start = UInt64(p.network)
            if let last = ranges.last, start <= last.end {
                ranges[ranges.count - 1].end = max(last.end, p.end)
            } else {
                ranges.append((start, p.end))
            }
        }
        return ranges.flatMap { IPv4Prefix.blocks(from: $0.start, to: $0.end) }
    }
}
