import EdgePlanCore
import Foundation
import Testing

/// The parallel map keeps index order whatever the cores do, calls the body once per index, and
/// handles the empty and single cases and runs that do not divide the count.
@Suite struct ConcurrentlyTests {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Int] = []
        func note(_ i: Int) { lock.lock(); seen.append(i); lock.unlock() }
        var sorted: [Int] { lock.lock(); defer { lock.unlock() }; return seen.sorted() }
    }

    @Test(arguments: [0, 1, 2, 7, 1_000])
    func resultsComeBackInIndexOrderOncePerIndex(count: Int) {
        for run in [1, 3, 64] {
            let calls = Calls()
            // Uneven work, so that late indices can finish before early ones.
            let out = Concurrently.map(count, run: run) { i -> String in
                calls.note(i)
                if i % 5 == 0 { usleep(200) }
                return "r\(i)"
            }
            #expect(out == (0..<count).map { "r\($0)" })
            #expect(calls.sorted == Array(0..<count))
        }
    }
}
