import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The stand-in for the AWS Price List bulk API (`Tests/Fixtures/pricelist-server.py`, Python 3's
/// http.server) on a free port of 127.0.0.1, serving `Tests/Fixtures/pricelist` for one test.
/// `faults` breaks paths (`status:404`, `corrupt`, `truncate`, `hang`); `requests` lists the paths asked for.
final class PriceListServer {
    private let process = Process()
    /// The server's stdin: it exits when this closes, so a test that crashes leaves no server behind.
    private let lifeline = Pipe()
    private let log: URL
    let port: Int

    var endpoint: String { "http://127.0.0.1:\(port)" }

    struct NotStarted: Error, CustomStringConvertible { var description: String }

    init(faults: [String: String] = [:]) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("edgeplan-pricelist-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLITests.root.appendingPathComponent("Tests/Fixtures/pricelist-server.py").path,
                             "--root", CLITests.root.appendingPathComponent("Tests/Fixtures/pricelist").path, "--log", log.path]
            + faults.keys.sorted().flatMap { ["--fault", "\($0)=\(faults[$0]!)"] }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = lifeline
        try process.run()
        // The server prints `PORT <n>` once it listens.
        var text = ""
        while !text.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw NotStarted(description: "the test Price List server exited before listening: is python3 installed?") }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            throw NotStarted(description: "the test Price List server printed \(text.debugDescription), not its port")
        }
        self.port = port
    }

    /// The paths asked for so far, in order.
    var requests: [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Kills the server (SIGKILL: it keeps nothing) and waits for it.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: log)
    }
}
