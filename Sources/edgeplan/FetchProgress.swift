import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress of `pricing fetch`, on stderr: a bar redrawn in place when stderr is a terminal,
/// and one plain line per download otherwise (a pipe, a log file, or `CI` set, where a bar of
/// carriage returns would be noise). Only its own text and the URLs go into it.
final class FetchProgress: @unchecked Sendable {
    let interactive: Bool
    private let lock = NSLock()
    private var label = ""
    private var lastDrawn = Date.distantPast

    init() {
        let environment = ProcessInfo.processInfo.environment
        interactive = isatty(2) == 1 && (environment["CI"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// A download begins: `[3/8] AWSELB eu-west-1`.
    func start(_ step: Int, of total: Int, _ what: String, url: String) {
        let label = "[\(step)/\(total)] \(what)"
        guard interactive else { return Console.err("\(label): \(url)\n") }
        lock.lock()
        self.label = label
        lastDrawn = .distantPast
        lock.unlock()
        update(0, nil)
    }

    /// Bytes received so far of `expected`; redrawn at most ten times a second.
    func update(_ received: Int, _ expected: Int?) {
        guard interactive else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 || received == expected else { return }
        lastDrawn = now
        let width = 24
        var bar: String
        if let expected, expected > 0 {
            let filled = min(width, received * width / expected)
            bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
            bar += " \(String(format: "%3d", min(100, received * 100 / expected)))%  \(Self.size(received)) of \(Self.size(expected))"
        } else {
            bar = "[" + String(repeating: "?", count: width) + "]  \(Self.size(received))"
        }
        Self.draw("\(label)  \(bar)")
    }

    /// Clears the bar once everything is fetched, so the report starts on a clean line.
    func finish() {
        guard interactive else { return }
        Self.draw("")
    }

    private static func draw(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Console.printable(text)).utf8))
    }

    private static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1 << 20 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }
}
