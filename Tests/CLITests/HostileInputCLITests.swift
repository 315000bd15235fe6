import Foundation
import HostileInputs
import Testing

/// The hostile-input campaign of issue 10 at the process level: each reader's commands run on a
/// seeded stream of mutated files, as a user runs them. Every run must end by itself within its
/// time and memory bounds, never crash, exit 0 or 2 (or 1 where documented: `cidr check` and
/// `cidr import` on overlaps), place every error at `file:line:column:`, and write nothing when
/// it fails. A failure names the seed and the input, so it can be replayed.
@Suite struct HostileInputCLITests {
    static let perReader = 40
    static let seconds = 20.0
    static let megabytes = 512.0

    enum Reader: String, CaseIterable, Sendable {
        case design, ledger, priceFile, offer, describeVPCs
    }

    static func file(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: CLITests.root.appendingPathComponent(path))) }

    static func seeds(_ reader: Reader) throws -> [[UInt8]] {
        switch reader {
        case .design:
            return try ["partner-api", "internal-api", "seed-environment", "media-cloudfront"].map { try file("examples/\($0).yaml") }
        case .ledger:
            let dir = try CidrCLITests.ledgerFolder(reserve: ["10.255.0.0/16"])
            defer { try? FileManager.default.removeItem(at: dir) }
            for (env, size) in [("shop-prod", "/16"), ("shop-dev", "/20")] {
                _ = try CLITests.run(["cidr", "allocate", "--env", env, "--size", size, "--note", "owner: \"web\" team"], cwd: dir)
            }
            _ = try CLITests.run(["cidr", "import", CLITests.root.appendingPathComponent("Tests/Fixtures/aws/describe-vpcs.json").path], cwd: dir)
            return [Array(try Data(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml")))]
        case .priceFile:
            return [try file("pricing/aws/us-east-1.json")]
        case .offer:
            return try ["awselb-us-east-1.json", "apigateway-us-east-1.json"].map { try file("Tests/Fixtures/offers/\($0)") }
        case .describeVPCs:
            return try ["describe-vpcs.json", "describe-subnets.json"].map { try file("Tests/Fixtures/aws/\($0)") }
        }
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] { OutputSafetyCLITests.tree(folder) }

    /// Checks one run; `allowed` are the exit codes documented for the command.
    static func expectBounded(_ r: BoundedRun, _ allowed: Set<Int32>, _ what: String, counting statuses: inout [Int32: Int]) {
        statuses[r.status, default: 0] += 1
        #expect(!r.timedOut, "\(what): still running after \(seconds) s")
        #expect(r.signal == nil, "\(what): killed by signal \(r.signal ?? 0)\n\(r.stderr.suffix(2_000))")
        #expect(allowed.contains(r.status), "\(what): exit \(r.status)\n\(r.stderr.suffix(2_000))")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && !r.stderr.contains("Current stack trace"), "\(what): \(r.stderr.suffix(2_000))")
        #expect(r.unlocatedErrors.isEmpty, "\(what): errors without a place: \(r.unlocatedErrors.prefix(3))")
        #expect(r.peakMemoryMB < megabytes, "\(what): \(r.peakMemoryMB) MB")
    }

    @Test(arguments: Reader.allCases)
    func everyCommandOnAHostileInputEndsCleanly(_ reader: Reader) throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seeds = try Self.seeds(reader)
        let seed: UInt64 = 0x20_2612 + UInt64(Reader.allCases.firstIndex(of: reader)!)
        var mutator = Mutator(seed: seed, tokens: reader == .design || reader == .ledger ? Mutator.yamlTokens : Mutator.jsonTokens)
        // A sound ledger and a copy of the price files, restored before every run that may write them.
        let ledgerSeed = try Self.seeds(.ledger)[0]
        let ledger = dir.appendingPathComponent("cidr-ledger.yaml")
        let prices = dir.appendingPathComponent("prices")
        let pricesSource = CLITests.root.appendingPathComponent("pricing/aws")
        func freshLedger() throws { try Data(ledgerSeed).write(to: ledger) }
        func freshPrices() throws {
            try? FileManager.default.removeItem(at: prices)
            try FileManager.default.copyItem(at: pricesSource, to: prices)
        }
        let design = dir.appendingPathComponent("priced.yaml")
        try Data(try Self.file("examples/partner-api.yaml")).write(to: design)
        let offer = CLITests.root.appendingPathComponent("Tests/Fixtures/offers/awselb-us-east-1.json").path
        let start = Date()
        var statuses: [Int32: Int] = [:]
        for i in 0..<Self.perReader {
            var input = mutator.mutate(seeds[mutator.below(seeds.count)], rounds: 2)
            // Half the cut-short ledgers get their end line back, to reach past the truncation check.
            if reader == .ledger, mutator.below(2) == 0 { input += Array("\n# end of ledger\n".utf8) }
            let name = "in-\(i).\(reader == .design || reader == .ledger ? "yaml" : "json")"
            let what = "\(reader) seed \(seed) input \(i)"
            try Data(input).write(to: dir.appendingPathComponent(name))
            switch reader {
            case .design:
                let out = dir.appendingPathComponent("out-\(i)")
                let plan = try BoundedRun.run(["plan", name, "--out", out.lastPathComponent], cwd: dir, timeLimit: Self.seconds)
                Self.expectBounded(plan, [0, 2], "\(what): plan --out", counting: &statuses)
                #expect(FileManager.default.fileExists(atPath: out.path) == (plan.status == 0), "\(what): plan --out exit \(plan.status), output folder written: \(FileManager.default.fileExists(atPath: out.path))")
                try freshLedger()
                let allocate = try BoundedRun.run(["cidr", "allocate", "--for", name], cwd: dir, timeLimit: Self.seconds)
                Self.expectBounded(allocate, [0, 2], "\(what): cidr allocate --for", counting: &statuses)
                if allocate.status == 2 { #expect(try Data(contentsOf: ledger) == Data(ledgerSeed), "\(what): the ledger changed") }
            case .ledger:
                let check = try BoundedRun.run(["cidr", "check", "--ledger", name], cwd: dir, timeLimit: Self.seconds)
                Self.expectBounded(check, [0, 1, 2], "\(what): cidr check", counting: &statuses)
                let list = try BoundedRun.run(["cidr", "list", "--ledger", name], cwd: dir, timeLimit: Self.seconds)
                Self.expectBounded(list, [0, 2], "\(what): cidr list", counting: &statuses)
                let allocate = try BoundedRun.run(["cidr", "allocate", "--ledger", name, "--env", "hostile", "--size", "/24"], cwd: dir, timeLimit: Self.seconds)
                Self.expectBounded(allocate, [0, 2], "\(what): cidr allocate", counting: &statuses)
                let after = try Data(contentsOf: dir.appendingPathComponent(name))
                if allocate.status == 2 {
                    #expect(after == Data(input), "\(what): a refused allocation changed the ledger")
                } else {
                    // What edgeplan wrote, it reads back sound, with the new block.
                    let again = try BoundedRun.run(["cidr", "check", "--ledger", name], cwd: dir, timeLimit: Self.seconds)
                    #expect(again.status == 0 && after != Data(input), "\(what): the written ledger does not check clean: \(again.stderr)")
                }
            case .priceFile:
                try freshPrices()
                try Data(input).write(to: prices.appendingPathComponent("us-east-1.json"))
                let before = Self.snapshot(prices)
                let cost = try BoundedRun.run(["cost", design.lastPathComponent, "--pricing", "prices"], cwd: dir, timeLimit: Self.seconds)
                Self.expectBounded(cost, [0, 2], "\(what): cost", counting: &statuses)
                let imported = try BoundedRun.run(["pricing", "import", offer, "--pricing", "prices"], cwd: dir, timeLimit: Self.seconds)
                Self.expectBounded(imported, [0, 2], "\(what): pricing import", counting: &statuses)
                if imported.status == 2 { #expect(Self.snapshot(prices) == before, "\(what): a failed import changed the price files") }
            case .offer:
                try freshPrices()
                let before = Self.snapshot(prices)
                let imported = try BoundedRun.run(["pricing", "import", name, "--pricing", "prices"], cwd: dir, timeLimit: Self.seconds)
                Self.expectBounded(imported, [0, 2], "\(what): pricing import", counting: &statuses)
                if imported.status == 2 { #expect(Self.snapshot(prices) == before, "\(what): a failed import changed the price files") }
            case .describeVPCs:
                try freshLedger()
                let imported = try BoundedRun.run(["cidr", "import", name], cwd: dir, timeLimit: Self.seconds)
                Self.expectBounded(imported, [0, 1, 2], "\(what): cidr import", counting: &statuses)
                if imported.status == 2 { #expect(try Data(contentsOf: ledger) == Data(ledgerSeed), "\(what): a failed import changed the ledger") }
            }
        }
        #expect(Date().timeIntervalSince(start) < 90)
        // The stream must reach both the error paths and the paths that succeed.
        #expect(statuses[2, default: 0] >= Self.perReader / 4 && statuses[0, default: 0] >= 1, "\(reader): exit codes \(statuses)")
    }
}
