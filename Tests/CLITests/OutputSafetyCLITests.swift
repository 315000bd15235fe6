import Foundation
import HostileInputs
import Testing

/// Issue 10: `--out` replaces only folders edgeplan provably wrote, swaps them in one step, and
/// `pricing import` never writes outside `--pricing`. Each test reproduces a defect found by the
/// hostile-input campaign.
@Suite struct OutputSafetyCLITests {
    static let seed = "examples/seed-environment.yaml"

    /// Every file under `folder` (relative path → bytes), symbolic links as their target text.
    static func tree(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return out }
        for case let path as String in walker {
            let url = folder.appendingPathComponent(path)
            if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) {
                out[path] = Data("-> \(link)".utf8)
            } else if let data = FileManager.default.contents(atPath: url.path) {
                out[path] = data
            } else {
                out[path + "/"] = Data()
            }
        }
        return out
    }

    static func write(_ files: [String: String], into folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Defect 1: a Terraform folder with its own plan.json lost main.tf and modules/.
    @Test func aFolderWithAForeignPlanJSONIsNeverReplaced() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let terraform = dir.appendingPathComponent("infra")
        try Self.write(["plan.json": "{\"format_version\": \"1.2\"}\n", "main.tf": "module \"vpc\" {}\n", "modules/vpc/main.tf": "# vpc\n"], into: terraform)
        let before = Self.tree(terraform)
        for command in [["plan", Self.seed, "--out", terraform.path], ["emit", Self.seed, "--out", terraform.path]] {
            let r = try CLITests.run(command)
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.contains("error: --out: '\(terraform.path)' is not empty and is not an edgeplan output folder"), "\(r.stderr)")
            #expect(Self.tree(terraform) == before)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["infra"], "nothing left beside it")
    }

    /// Defect 1: `plan … --out .` at the root of a repository that has a plan.json deleted it, .git included.
    @Test func theRootOfARepositoryIsNeverReplaced() throws {
        let repo = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: repo) }
        try Self.write([".git/HEAD": "ref: refs/heads/main\n", "plan.json": "{}\n", "README.md": "# mine\n"], into: repo)
        let design = repo.appendingPathComponent("seed.yaml")
        try FileManager.default.copyItem(at: CLITests.root.appendingPathComponent(Self.seed), to: design)
        let before = Self.tree(repo)
        let r = try CLITests.run(["plan", "seed.yaml", "--out", "."], cwd: repo)
        #expect(r.status == 2)
        #expect(r.stderr.contains("is not an edgeplan output folder"))
        #expect(Self.tree(repo) == before)
    }

    /// An edgeplan output is replaced again, but not once a person has added or changed a file in it.
    @Test func anOutputIsReplacedOnlyWhileItHoldsWhatEdgeplanWrote() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        #expect(try CLITests.run(["plan", Self.seed, "--out", out.path]).status == 0)
        let manifest = try String(contentsOf: out.appendingPathComponent(".edgeplan-manifest"), encoding: .utf8)
        #expect(manifest.hasPrefix("# edgeplan output folder, format 1\n"))
        #expect(manifest.contains(" plan.json\n") && manifest.contains(" cloudformation/network.json\n"))
        let again = try CLITests.run(["plan", Self.seed, "--out", out.path])
        #expect(again.status == 0, "\(again.stderr)")

        try Data("my notes\n".utf8).write(to: out.appendingPathComponent("cloudformation/NOTES.md"))
        let added = try CLITests.run(["emit", Self.seed, "--out", out.path])
        #expect(added.status == 2 && added.stderr.contains("holds files edgeplan did not write (cloudformation/NOTES.md)"), "\(added.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("cloudformation/NOTES.md").path))
        try FileManager.default.removeItem(at: out.appendingPathComponent("cloudformation/NOTES.md"))

        let readme = out.appendingPathComponent("README.md")
        try Data((try String(contentsOf: readme, encoding: .utf8) + "\nEdited by hand.\n").utf8).write(to: readme)
        let edited = try CLITests.run(["plan", Self.seed, "--out", out.path])
        #expect(edited.status == 2 && edited.stderr.contains("holds files changed since edgeplan wrote them (README.md)"), "\(edited.stderr)")
        #expect(try String(contentsOf: readme, encoding: .utf8).hasSuffix("Edited by hand.\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out"])
    }

    /// Defect 9: `--out` through a symbolic link replaced the link with a folder.
    @Test func aSymbolicLinkIsWrittenThrough() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real")
        let link = dir.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real")
        for _ in 0..<2 {
            let r = try CLITests.run(["plan", Self.seed, "--out", link.path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real")
        #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("plan.json").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link", "real"])
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "gone/real")
        let dangling = try CLITests.run(["plan", Self.seed, "--out", link.path])
        #expect(dangling.status == 2 && dangling.stderr.contains("is a symbolic link to nothing"), "\(dangling.stderr)")
    }

    /// Defect 9: a read-only earlier output exited 0 and left `.o.edgeplan-old-PID` behind.
    @Test func aReadOnlyOutputFailsClearlyAndLeavesNothing() throws {
        let dir = try CLITests.temporaryFolder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.appendingPathComponent("o/cloudformation").path)
            try? FileManager.default.removeItem(at: dir)
        }
        let out = dir.appendingPathComponent("o")
        #expect(try CLITests.run(["plan", Self.seed, "--out", out.path]).status == 0)
        let before = Self.tree(out)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: out.appendingPathComponent("cloudformation").path)
        let r = try CLITests.run(["plan", Self.seed, "--out", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot be replaced: cloudformation is read-only"), "\(r.stderr)")
        #expect(Self.tree(out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["o"])
    }

    /// Defect 4: the folder swap was two renames, and a kill between them left no folder at all.
    /// Killed at random moments (seeded), a run leaves the old output or the new one, each whole
    /// (every file its manifest lists, unchanged, and nothing else); the next run sweeps what the
    /// killed ones left beside it.
    @Test func aKilledRunLeavesTheOldOutputOrTheNewOneWhole() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let designs = [Self.seed, "examples/partner-api.yaml"]
        // One whole run of each design, timed, so the kills fall across the longer run's whole life
        // on this machine, however loaded; the seed's output is in place when the kills begin.
        var life = 0.05
        var manifests: Set<String> = []
        for design in designs.reversed() {
            let start = Date()
            #expect(try CLITests.run(["plan", design, "--out", out.path]).status == 0)
            life = max(life, Date().timeIntervalSince(start))
            manifests.insert(try String(contentsOf: out.appendingPathComponent(".edgeplan-manifest"), encoding: .utf8))
        }
        var random = SplitMix64(seed: 20261201)
        var killed = 0
        for round in 0..<40 {
            let process = Process()
            process.executableURL = CLITests.binary
            process.arguments = ["plan", designs[(round + 1) % 2], "--out", out.path]
            process.currentDirectoryURL = CLITests.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Anywhere from the start to a little past a whole run's length; every eighth run is
            // left to finish, so both designs' outputs take their turn however slow the machine is.
            usleep(UInt32(Double(random.next() % 1_000) / 1_000 * 1.3 * life * 1_000_000))
            if round % 8 != 0, process.isRunning { kill(process.processIdentifier, SIGKILL); killed += 1 }
            process.waitUntilExit()
            let manifest = try #require(try? String(contentsOf: out.appendingPathComponent(".edgeplan-manifest"), encoding: .utf8), "round \(round): no output folder")
            #expect(Self.isWhole(out, manifest: manifest), "round \(round): the folder is not one run's whole output")
            manifests.insert(manifest)
        }
        #expect(killed > 5, "the kills must land while edgeplan runs")
        #expect(manifests.count == 2, "only the two designs' outputs ever appear")
        #expect(try CLITests.run(["plan", designs[0], "--out", out.path]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out"], "stale staging folders are swept")
    }

    /// The folder holds exactly what `manifest` lists, each file with its size and hash.
    static func isWhole(_ folder: URL, manifest: String) -> Bool {
        var listed: [String: (Int, UInt64)] = [:]
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]) else { return false }
            listed[String(parts[2])] = (size, hash)
        }
        let files = tree(folder).filter { !$0.key.hasSuffix("/") && $0.key != ".edgeplan-manifest" }
        guard Set(files.keys) == Set(listed.keys) else { return false }
        return files.allSatisfy { path, data in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in data { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            return listed[path].map { $0.0 == data.count && $0.1 == h } ?? false
        }
    }

    /// Defect 2: the offer's regionCode became a file name unchecked (`/../../../../package`
    /// overwrote a package.json above the folder; `..` and "" made `...json` and `.json`).
    @Test func anOffersRegionCodeNeverBecomesAPathOutsideThePriceFolder() throws {
        let (dir, prices) = try PricingImportCLITests.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bait = dir.appendingPathComponent("package.json")
        try Data("{\"name\": \"keep\"}\n".utf8).write(to: bait)
        let fixture = try Data(contentsOf: CLITests.root.appendingPathComponent("Tests/Fixtures/offers/awselb-us-east-1.json"))
        let before = Self.tree(dir)
        for code in ["/../../package", "../package", "..", "", ".", "us-east-1/../../package", "eu-west-1\u{0}", "EU-WEST-1"] {
            let text = String(decoding: fixture, as: UTF8.self).replacingOccurrences(of: "\"regionCode\": \"us-east-1\"", with: "\"regionCode\": \(Self.jsonString(code))")
            let offer = dir.appendingPathComponent("offer.json")
            try Data(text.utf8).write(to: offer)
            let r = try CLITests.run(["pricing", "import", offer.path, "--pricing", prices.path])
            #expect(r.status == 0, "\(code.debugDescription): \(r.stderr)")
            #expect(r.stdout.contains("skipped: regionCode \(code.debugDescription) is not an AWS Region edgeplan knows"), "\(r.stdout)")
            #expect(r.stdout.hasSuffix("0 files written\n"))
            try FileManager.default.removeItem(at: offer)
            #expect(Self.tree(dir) == before, "\(code.debugDescription)")
        }
    }

    /// An offer's version and publication date become a URL and a title in the price files: only
    /// what AWS writes there is accepted.
    @Test func anOfferWithAVersionThatIsNotAWSsIsRefused() throws {
        let (dir, prices) = try PricingImportCLITests.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try String(contentsOf: CLITests.root.appendingPathComponent("Tests/Fixtures/offers/awselb-us-east-1.json"), encoding: .utf8)
        let before = Self.tree(prices)
        for (from, to, says) in [
            ("\"version\": \"20260911124544\"", "\"version\": \"<script>alert(1)</script>\"", "error: version: \"<script>alert(1)</script>\" is not an AWS Price List offer version"),
            ("\"version\": \"20260911124544\"", "\"version\": \"../../x\"", "error: version: \"../../x\" is not an AWS Price List offer version"),
            ("\"publicationDate\": \"2026-09-11T12:45:44Z\"", "\"publicationDate\": \"<img src=x>\"", "error: publicationDate: \"<img src=x>\" is not a date and time"),
        ] {
            let offer = dir.appendingPathComponent("offer.json")
            try Data(fixture.replacingOccurrences(of: from, with: to).utf8).write(to: offer)
            let r = try CLITests.run(["pricing", "import", offer.path, "--pricing", prices.path])
            #expect(r.status == 2)
            #expect(r.stderr.hasPrefix("\(offer.path):1:1: \(says)"), "\(r.stderr)")
            #expect(Self.tree(prices) == before)
        }
    }

    static func jsonString(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
