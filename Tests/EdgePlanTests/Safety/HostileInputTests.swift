import EdgePlan
import Foundation
import HostileInputs
import Testing

/// The hostile-input campaign of issue 10, kept: every reader gets a seeded stream of mutated
/// files (valid files with YAML 1.1 numbers, anchors, merge keys, surrogates, NULs, CRs, deep
/// nesting, truncation, …), bounded in count and time. Each must give a result, or errors that
/// are all located in the file; never a crash; each input read in bounded time. A failure prints
/// the seed and the input's index, so it can be replayed.
@Suite struct HostileInputTests {
    /// Inputs per reader, and the most one may take (a debug build on a busy 2-core machine).
    static let count = 800
    static let secondsPerInput = 3.0

    enum Reader: String, CaseIterable, Sendable {
        case design, ledger, priceFile, offer, describeVPCs
    }

    static func seeds(_ reader: Reader) throws -> (seeds: [[UInt8]], tokens: [String]) {
        func file(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: Fixtures.root.appendingPathComponent(path))) }
        switch reader {
        case .design:
            return (try Fixtures.examples().map { try file("examples/\($0)") }, Mutator.yamlTokens)
        case .ledger:
            let ledger = Ledger(
                pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!, note: "org"), Ledger.Pool(cidr: IPv4Prefix("172.16.0.0/12")!)],
                taken: [Ledger.TakenRange(cidr: IPv4Prefix("10.255.0.0/16")!, source: "reserved"),
                        Ledger.TakenRange(cidr: IPv4Prefix("172.16.0.0/16")!, source: "vpc-0abc (account 1)", note: "Name=\"x\"\t😀")],
                allocations: [Ledger.Allocation(env: "shop-prod", cidr: IPv4Prefix("10.0.0.0/16")!, vpc: "vpc-0def"),
                              Ledger.Allocation(env: "shop-dev", cidr: IPv4Prefix("10.1.0.0/20")!, purpose: "lab", note: "owner: web team")])
            let flow = "edgeplan-ledger: 1\npools: [{cidr: 10.0.0.0/8}]\ntaken: []\nallocations:\n  - {cidr: 10.2.0.0/16, env: a}\n# end of ledger\n"
            return ([Array(LedgerSerializer().serialize(ledger).utf8), Array(flow.utf8)], Mutator.yamlTokens)
        case .priceFile:
            return ([try file("pricing/aws/us-east-1.json"), try file("pricing/aws/eu-west-1.json")], Mutator.jsonTokens)
        case .offer:
            return (try ["awselb-us-east-1.json", "amazonvpc-eu-west-1-test-prices.json", "apigateway-us-east-1.json"].map { try file("Tests/Fixtures/offers/\($0)") }, Mutator.jsonTokens)
        case .describeVPCs:
            return ([try file("Tests/Fixtures/aws/describe-vpcs.json"), try file("Tests/Fixtures/aws/describe-subnets.json")], Mutator.jsonTokens)
        }
    }

    /// Reads `bytes` as `reader` does and returns the error diagnostics (empty on success).
    static func read(_ reader: Reader, _ bytes: [UInt8], file: String) -> [Diagnostic] {
        let data = Data(bytes)
        do {
            switch reader {
            case .design:
                // As DesignInput hands it over: UTF-8 text, or a located error of its own.
                guard let text = String(data: data, encoding: .utf8) else { return [] }
                return Fixtures.pipeline.run(text, file: file).diagnostics.filter { $0.severity == .error }
            case .ledger:
                guard let text = String(data: data, encoding: .utf8) else { return [] }
                let parsed = try LedgerParser().parse(text, file: file)
                // What edgeplan reads, it writes back and reads the same.
                let again = try LedgerParser().parse(LedgerSerializer().serialize(parsed.ledger), file: file)
                #expect(again.ledger == parsed.ledger.sorted, "\(file): the ledger does not read back as written")
                return []
            case .priceFile:
                _ = try PriceCatalog(json: data, file: file)
                return []
            case .offer:
                _ = try OfferImporter(reference: Fixtures.reference).read(data, file: file)
                return []
            case .describeVPCs:
                _ = try AWSImport().read(data, file: file)
                return []
            }
        } catch let error as DiagnosticError {
            return error.diagnostics.filter { $0.severity == .error }
        } catch let error as PriceError {
            return error.malformedFile ?? [.error("", error.description)]
        } catch {
            return [.error("", "unexpected error \(error)")]
        }
    }

    @Test(arguments: Reader.allCases)
    func everyHostileInputGivesAResultOrLocatedErrors(_ reader: Reader) throws {
        let (seeds, tokens) = try Self.seeds(reader)
        let seed: UInt64 = 0x10_2026 + UInt64(Reader.allCases.firstIndex(of: reader)!)
        var mutator = Mutator(seed: seed, tokens: tokens)
        var refused = 0
        let start = Date()
        for i in 0..<Self.count {
            var input = mutator.mutate(seeds[mutator.below(seeds.count)])
            // Half the cut-short ledgers get their end line back, to reach past the truncation check.
            if reader == .ledger, mutator.below(2) == 0 { input += Array("\n# end of ledger\n".utf8) }
            let file = "hostile-\(i).in"
            // Every line break a reader may count: LF and CR, and for YAML (libyaml reads YAML
            // 1.1) NEL, LS and PS, whose UTF-8 forms end in these bytes.
            let lines = input.filter { $0 == 0x0A || $0 == 0x0D || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }.count + 1
            let began = Date()
            let errors = Self.read(reader, input, file: file)
            let took = Date().timeIntervalSince(began)
            #expect(took < Self.secondsPerInput, "\(reader) seed \(seed) input \(i) took \(took) s")
            if !errors.isEmpty { refused += 1 }
            for e in errors {
                let placed = e.location.map { $0.file == file && (1...lines).contains($0.line) && $0.column >= 1 } ?? false
                #expect(placed, "\(reader) seed \(seed) input \(i): not located in the file: \(e.formatted)")
            }
        }
        // The stream must exercise the error paths, not only mutate comments.
        #expect(refused > Self.count / 4, "\(reader): only \(refused) of \(Self.count) inputs refused")
        #expect(Date().timeIntervalSince(start) < 60)
    }
}
