import Foundation
import HostileInputs
import Testing

/// The ledger under SIGKILL: concurrent `cidr allocate` runs killed at seeded random moments
/// (lock taken or not, temporary half written or flushed, rename done or not) leave the old
/// ledger or a new one, whole, that `cidr check` finds sound; every run that said it allocated
/// a block has it recorded; and the temporaries of killed runs are swept by the next write.
@Suite struct LedgerKillCLITests {
    static func start(_ arguments: [String], in dir: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }

    @Test func aKilledAllocateLeavesTheOldLedgerOrANewOneThatChecksClean() throws {
        let dir = try CidrCLITests.ledgerFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = dir.appendingPathComponent("cidr-ledger.yaml")
        var random = SplitMix64(seed: 20261202)
        var started: Set<String> = []
        var promised: [String: String] = [:]
        var killed = 0
        for round in 0..<12 {
            var runs: [(env: String, process: Process, out: Pipe)] = []
            for k in 0..<4 {
                let env = "r\(round)-\(k)"
                started.insert(env)
                let (process, out) = try Self.start(["cidr", "allocate", "--env", env, "--size", "/24"], in: dir)
                runs.append((env, process, out))
            }
            for run in runs {
                // Within the life of a run (about 25 ms in a debug build; the four wait on the lock in turn).
                usleep(UInt32(random.next() % 20_000))
                if random.next() % 3 != 0, run.process.isRunning {
                    kill(run.process.processIdentifier, SIGKILL)
                    killed += 1
                }
            }
            for run in runs {
                let printed = String(decoding: run.out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                run.process.waitUntilExit()
                if run.process.terminationReason == .exit && run.process.terminationStatus == 0 {
                    promised[run.env] = String(printed.dropLast())
                }
            }
            // Whole, sound, and holding every block a run said it allocated.
            let text = try String(contentsOf: ledger, encoding: .utf8)
            #expect(text.hasSuffix("# end of ledger\n"), "round \(round): the ledger is not whole")
            let check = try CLITests.run(["cidr", "check"], cwd: dir)
            #expect(check.status == 0, "round \(round): \(check.stderr)")
            let recorded = try CidrCLITests.allocations(in: dir)
            for (env, cidr) in promised { #expect(recorded[env] == cidr, "round \(round): \(env) was told \(cidr)") }
            #expect(Set(recorded.keys).isSubset(of: started))
        }
        #expect(killed > 10, "the kills must land while edgeplan runs")
        #expect(promised.count > 5, "some runs must finish")
        // One more write sweeps the temporaries killed runs left beside the ledger.
        #expect(try CLITests.run(["cidr", "allocate", "--env", "last", "--size", "/24"], cwd: dir).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".cidr-ledger.yaml.new-") }
        #expect(left.isEmpty, "\(left)")
    }
}
