import EdgePlanCore
import Foundation

/// Work spread over every core: every core takes the next run of elements until none is left,
/// and the results come back in the elements' order.
enum Parallel {
    /// `body` of every element on every core, the results in the elements' order
    /// (`Concurrently.map`: Dispatch's `concurrentPerform` puts every core to work at once, where
    /// the task group it replaces left one core idle for the first third of a 1,000-design fleet
    /// while the pool grew). Elements go in runs, so that the cores finish together.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        let width = ProcessInfo.processInfo.activeProcessorCount
        return Concurrently.map(items.count, run: max(1, min(64, items.count / (width * 8)))) { body(items[$0]) }
    }
}
