// ledger-bench: the CIDR ledger at organisation scale, beside a Python baseline using netaddr.
//
//   Benchmarks/run-ledger-bench            # installs netaddr in .venv-bench, builds release, runs this
//   ledger-bench --python PY --edgeplan BIN [--quick]
//
// One deterministic workload (SplitMix64, fixed seed) is generated here and written to a JSON
// file that the Python baseline reads, so both sides do the same work:
//   1. allocate 100,000 mixed-size blocks (/16 to /28, each size class the same share of
//      addresses) from 10.0.0.0/8 with 200 holes, lowest aligned block first;
//   2. check a ledger of 100,000 entries for overlaps, blocks outside the pools and duplicate
//      environments (100 overlaps planted);
//   3. plan 10,000 generated designs with `edgeplan plan --fleet DIR --ledger L` (the release
//      binary, no reports written), measuring wall time and peak memory (/usr/bin/time -v).
// Both sides' allocation results are compared by checksum: the speed-up only counts if the
// answers are the same.
import EdgePlan
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func argument(_ name: String) -> String? {
    guard let i = CommandLine.arguments.firstIndex(of: name), i + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[i + 1]
}

let quick = CommandLine.arguments.contains("--quick")
let python = argument("--python")
let edgeplanBinary = argument("--edgeplan")
let requestCount = quick ? 10_000 : 100_000
let checkEntries = quick ? 10_000 : 100_000
let fleetSize = quick ? 1_000 : 10_000
let work = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// FNV-1a over the results, one line per request: the same number on both sides means the same blocks.
func checksum(_ lines: [String]) -> String {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for line in lines {
        for b in line.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        h = (h ^ 0x0A) &* 0x100_0000_01B3
    }
    return String(h, radix: 16)
}

// MARK: - Workload

var rng = SplitMix64(state: 20_240_607)
let pool = IPv4Prefix("10.0.0.0/8")!
let holes: [IPv4Prefix] = (0..<200).map { _ in
    let length = 18 + rng.below(7)
    return pool.subnet(length: length, index: rng.below(1 << (length - 8)))!
}
// Each size class carries the same share of addresses: a /n is twice as likely as a /(n-1).
let weights = (16...28).map { 1 << ($0 - 16) }
let totalWeight = weights.reduce(0, +)
let lengths: [Int] = (0..<requestCount).map { _ in
    var pick = rng.below(totalWeight)
    for (i, w) in weights.enumerated() {
        if pick < w { return 16 + i }
        pick -= w
    }
    return 28
}

// MARK: - 1. Allocation

var results: [String] = []
var allocationLedger = Ledger(pools: [])
let allocateSeconds = (0..<3).map { _ in
    seconds {
        var allocator = LedgerAllocator(Ledger(pools: [Ledger.Pool(cidr: pool)], taken: holes.map { Ledger.TakenRange(cidr: $0, source: "hole") }))
        var out: [String] = []
        out.reserveCapacity(lengths.count)
        for (i, length) in lengths.enumerated() {
            switch allocator.allocate(env: "env-\(i)", size: .exactly(length)) {
            case .success(let o): out.append(o.allocation.cidr.description)
            case .failure: out.append("-")
            }
        }
        results = out
        allocationLedger = allocator.ledger
    }
}.min()!
let allocated = results.filter { $0 != "-" }.count

// MARK: - 2. A ledger of 100,000 entries with 100 planted overlaps

var checkLedger = allocationLedger
let planted = 100
checkLedger.allocations = Array(checkLedger.allocations.prefix(checkEntries - checkLedger.taken.count - planted))
for i in 0..<planted {
    let victim = checkLedger.allocations[rng.below(checkLedger.allocations.count)]
    checkLedger.allocations.append(Ledger.Allocation(env: "dup-\(i)", cidr: victim.cidr))
}
var problems = 0
let checkSeconds = (0..<3).map { _ in seconds { problems = LedgerChecker().check(checkLedger).count } }.min()!
let ledgerText = LedgerSerializer().serialize(checkLedger)
var parsedProblems = 0
let parseCheckSeconds = try seconds {
    let parsed = try LedgerParser().parse(ledgerText, file: "cidr-ledger.yaml")
    parsedProblems = LedgerChecker().check(parsed).count
}

// The workload for the baseline.
let workload: [String: Any] = [
    "pool": pool.description,
    "holes": holes.map(\.description),
    "lengths": lengths,
    "check": [
        "pools": checkLedger.pools.map(\.cidr.description),
        "taken": checkLedger.taken.map(\.cidr.description),
        "allocations": checkLedger.allocations.map { [$0.env, $0.cidr.description] },
    ],
]
let workloadURL = work.appendingPathComponent("workload.json")
try JSONSerialization.data(withJSONObject: workload).write(to: workloadURL)

// MARK: - 3. A fleet of 10,000 designs

struct FleetRun {
    var seconds: Double
    var status: Int32
    var peakKB: Int?
    var stderr: String
}

func runFleet(_ binary: String, folder: URL, ledger: URL) throws -> FleetRun {
    let process = Process()
    let timed = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
    process.executableURL = URL(fileURLWithPath: timed ? "/usr/bin/time" : binary)
    process.arguments = (timed ? ["-v", binary] : []) + ["plan", "--fleet", folder.path, "--ledger", ledger.path]
    let table = work.appendingPathComponent("fleet-table.txt")
    _ = FileManager.default.createFile(atPath: table.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: table)
    let err = Pipe()
    process.standardError = err
    var stderr = Data()
    let elapsed = try seconds {
        try process.run()
        stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
    }
    let text = String(decoding: stderr, as: UTF8.self)
    var peak: Int?
    if let line = text.split(separator: "\n").first(where: { $0.contains("Maximum resident set size") }) {
        peak = Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces))
    } else {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        peak = usage.ru_maxrss
    }
    return FleetRun(seconds: elapsed, status: process.terminationStatus, peakKB: peak, stderr: text)
}

var fleetRuns: [FleetRun] = []
var fleetAllocations = 0
if let edgeplanBinary {
    let folder = work.appendingPathComponent("fleet")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let regions = ["eu-west-1", "us-east-1", "us-west-2", "ap-southeast-2"]
    let frontends = ["[{kind: alb-controller}]", "[{kind: alb-privatelink-nlb}]", "[{kind: cloudfront-public-nlb}, {kind: apigw-vpclink-nlb, api: rest}]", "[{kind: nlb-to-alb}]"]
    for i in 0..<fleetSize {
        let name = String(format: "env-%05d", i)
        let yaml = """
            edgeplan: 1
            name: \(name)
            region: \(regions[rng.below(regions.count)])
            cluster: \(name)-eks
            network:
              vpcCidr: allocate
              azs: \(2 + rng.below(2))
              nodes: {max: \(2 + rng.below(11)), podsPerNode: \(8 + rng.below(33))}
            frontends: \(frontends[rng.below(frontends.count)])

            """
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("\(name).yaml"))
    }
    let ledgerURL = work.appendingPathComponent("cidr-ledger.yaml")
    let fleetLedger = Ledger(pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!), Ledger.Pool(cidr: IPv4Prefix("172.16.0.0/12")!)])
    try Data(LedgerSerializer().serialize(fleetLedger).utf8).write(to: ledgerURL)
    fleetRuns.append(try runFleet(edgeplanBinary, folder: folder, ledger: ledgerURL))  // every block new
    fleetRuns.append(try runFleet(edgeplanBinary, folder: folder, ledger: ledgerURL))  // every block reused
    fleetAllocations = (try? LedgerParser().parse(String(contentsOf: ledgerURL, encoding: .utf8), file: "l"))?.ledger.allocations.count ?? -1
}

// MARK: - Baseline

struct Baseline: Decodable {
    var netaddr_version: String
    var python_version: String
    var allocate_seconds: Double
    var allocated: Int
    var checksum: String
    var check_seconds: Double
    var problems: Int
}

var baseline: Baseline?
if let python {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("netaddr_baseline.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script.path, workloadURL.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        try? FileManager.default.removeItem(at: work)
        print("the netaddr baseline failed (exit \(process.terminationStatus))")
        exit(1)
    }
    baseline = try JSONDecoder().decode(Baseline.self, from: data)
}

// MARK: - Report

func time(_ s: Double) -> String { s < 1 ? String(format: "%.1f ms", s * 1000) : String(format: "%.2f s", s) }
func ratio(_ theirs: Double?, _ ours: Double) -> String { theirs.map { String(format: "%.0f×", $0 / ours) } ?? "" }
func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

let ourChecksum = checksum(results)
print("ledger-bench: seed 20240607, pool \(pool) with \(holes.count) holes\(quick ? " (quick)" : "")")
if let baseline { print("baseline: Python \(baseline.python_version), netaddr \(baseline.netaddr_version) (IPSet, first fit)") }
print("")
print(pad("measurement", 50) + lpad("edgeplan", 12) + lpad("netaddr", 12) + lpad("ratio", 9))
print(pad("allocate \(grouped(requestCount)) mixed /16–/28 blocks", 50) + lpad(time(allocateSeconds), 12)
      + lpad(baseline.map { time($0.allocate_seconds) } ?? "-", 12) + lpad(ratio(baseline?.allocate_seconds, allocateSeconds), 9))
print(pad("check a \(grouped(checkEntries))-entry ledger for overlaps", 50) + lpad(time(checkSeconds), 12)
      + lpad(baseline.map { time($0.check_seconds) } ?? "-", 12) + lpad(ratio(baseline?.check_seconds, checkSeconds), 9))
print(pad("  the same from cidr-ledger.yaml text (parse+check)", 50) + lpad(time(parseCheckSeconds), 12) + lpad("-", 12))
for (i, run) in fleetRuns.enumerated() {
    print(pad("plan --fleet, \(grouped(fleetSize)) designs (\(i == 0 ? "all blocks new" : "all reused"))", 50) + lpad(time(run.seconds), 12) + lpad("-", 12))
}
if let run = fleetRuns.first, let kb = run.peakKB {
    print(pad("  peak memory of that fleet run", 50) + lpad(String(format: "%.0f MB", Double(kb) / 1024), 12))
}
print("")
print("edgeplan allocated \(grouped(allocated)) of \(grouped(requestCount)) (checksum \(ourChecksum)); check found \(problems) problems (\(planted) planted), \(parsedProblems) from text")
if let baseline {
    let same = baseline.checksum == ourChecksum && baseline.allocated == allocated
    print("netaddr  allocated \(grouped(baseline.allocated)) of \(grouped(requestCount)) (checksum \(baseline.checksum)); check found \(baseline.problems) problems")
    print(same && baseline.problems == problems ? "results agree: the same blocks in the same order, the same problems" : "RESULTS DIFFER")
}
for (i, run) in fleetRuns.enumerated() where run.status != 0 {
    print("fleet run \(i + 1) exited \(run.status):\n\(run.stderr.suffix(2000))")
}
if !fleetRuns.isEmpty { print("fleet ledger: \(grouped(fleetAllocations)) allocations after the runs") }
let failed = (baseline.map { $0.checksum != ourChecksum || $0.problems != problems } ?? false) || fleetRuns.contains { $0.status != 0 } || problems != planted
try? FileManager.default.removeItem(at: work)
exit(failed ? 1 : 0)
