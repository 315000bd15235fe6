import Foundation

/// Work spread over every core: every core takes the next run of elements until none is left,
/// and the results come back in the elements' order.
enum Parallel {
    /// Runs `body` from synchronous code and waits for it: `plan --fleet`'s way into its task
    /// groups. The CLI's main thread is no task's thread, so blocking it holds up no task; the
    /// other commands never start the concurrency runtime's threads (an `async` main starts them
    /// for every command, and valgrind's callgrind then crashes on `plan --out`).
    static func wait<R: Sendable>(_ body: @escaping @Sendable () async throws -> R) throws -> R {
        let outcome = Outcome<R>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { outcome.result = .success(try await body()) } catch { outcome.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try outcome.result!.get()
    }

    /// Written by the task before it signals, read after the wait: never at the same time.
    private final class Outcome<R>: @unchecked Sendable {
        var result: Result<R, any Error>?
    }

    /// `body` of every element on every core, the results in the elements' order. Dispatch's
    /// `concurrentPerform` puts every core to work at once (the task group this replaces left one
    /// core idle for the first third of a 1,000-design fleet while the pool grew), and each
    /// iteration takes the next run of elements, so the cores finish together.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) -> R) async -> [R] {
        let width = ProcessInfo.processInfo.activeProcessorCount
        guard width > 1, items.count > 1 else { return items.map(body) }
        // Runs small enough that the cores finish together, large enough that iterations are few.
        let run = max(1, min(64, items.count / (width * 8)))
        let runs = (items.count + run - 1) / run
        let results = Results<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: runs) { k in
            for i in k * run..<min(items.count, (k + 1) * run) { results.set(i, body(items[i])) }
        }
        return results.values()
    }

    /// One slot per element, each written by exactly one iteration and read only after all have ended.
    private final class Results<R>: @unchecked Sendable {
        private var slots: UnsafeMutableBufferPointer<R?>
        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }
        func set(_ i: Int, _ value: R) { slots[i] = value }
        func values() -> [R] { slots.map { $0! } }
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
    }
}
