import Foundation

/// Work spread over every core with structured concurrency: a task group that keeps one task per
/// core busy with the next run of elements, and gives the results back in the elements' order.
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

    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) -> R) async -> [R] {
        let width = ProcessInfo.processInfo.activeProcessorCount
        guard width > 1, items.count > 1 else { return items.map(body) }
        // Runs small enough that the cores finish together, large enough that tasks are few.
        let run = max(1, min(64, items.count / (width * 8)))
        var results = [R?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, [R]).self) { group in
            var next = 0
            for _ in 0..<width where next < items.count {
                let start = next
                next = min(items.count, start + run)
                let end = next
                group.addTask { (start, items[start..<end].map(body)) }
            }
            while let (start, part) = await group.next() {
                for (i, r) in part.enumerated() { results[start + i] = r }
                if next < items.count {
                    let start = next
                    next = min(items.count, start + run)
                    let end = next
                    group.addTask { (start, items[start..<end].map(body)) }
                }
            }
        }
        return results.map { $0! }
    }
}
