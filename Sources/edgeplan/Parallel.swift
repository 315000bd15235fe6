import EdgePlanCore
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

    /// `body` of every element on every core, the results in the elements' order
    /// (`Concurrently.map`: Dispatch's `concurrentPerform` puts every core to work at once, where
    /// the task group it replaces left one core idle for the first third of a 1,000-design fleet
    /// while the pool grew). Elements go in runs, so that the cores finish together.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) -> R) async -> [R] {
        let width = ProcessInfo.processInfo.activeProcessorCount
        return Concurrently.map(items.count, run: max(1, min(64, items.count / (width * 8)))) { body(items[$0]) }
    }
}
