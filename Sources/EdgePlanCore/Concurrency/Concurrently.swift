import Dispatch
import Foundation

/// Pure work spread over every core, for the CPU-bound loops of one run (the cost sweep, a fleet's
/// designs, the files of a plan): `body` runs once per index on Dispatch's worker threads and the
/// calling one, and the results come back in index order, so the output never depends on which
/// core finished first.
public enum Concurrently {
    /// `body(i)` for every `i` in `0..<count`, in index order. Indices are taken in runs of
    /// `run`, so that cheap bodies do not pay for a hand-over each.
    public static func map<R>(_ count: Int, run: Int = 1, _ body: (Int) -> R) -> [R] {
        let width = ProcessInfo.processInfo.activeProcessorCount
        guard width > 1, count > 1 else { return (0..<count).map(body) }
        let run = max(1, run)
        let slots = Slots<R>(count: count)
        withoutActuallyEscaping(body) { body in
            let shared = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: (count + run - 1) / run) { k in
                for i in k * run..<min(count, (k + 1) * run) { slots.set(i, shared.value(i)) }
            }
        }
        return slots.values()
    }

    /// Every job's result, in job order, the jobs run on every core; the error thrown is the first
    /// job's, in job order, that threw (what running them one after another would throw).
    public static func all<R>(_ jobs: [() throws -> R]) throws -> [R] {
        try map(jobs.count) { k in Result { try jobs[k]() } }.map { try $0.get() }
    }

    /// The closure handed to the threads: the callers' bodies are pure (they read values and
    /// write only their own result).
    private struct Unchecked<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// One slot per index, each written by exactly one iteration and read only after all have ended.
    private final class Slots<R>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<R?>
        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }
        func set(_ i: Int, _ value: R) { slots[i] = value }
        /// The results, moved out (no copy of each, no release of the copies left behind); once only.
        func values() -> [R] {
            taken = true
            return (0..<slots.count).map { (slots.baseAddress! + $0).move()! }
        }
        private var taken = false
        deinit {
            if !taken { slots.deinitialize() }
            slots.deallocate()
        }
    }
}
