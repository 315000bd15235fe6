import EdgePlan
import Foundation
import PropertyBased
import Testing

/// The ledger file: what is written reads back as the same ledger, sorted and byte-stable, and
/// every malformed or truncated file is refused with a located error.
@Suite struct LedgerFileFormatTests {
    static let sample = Ledger(
        pools: [Ledger.Pool(cidr: IPv4Prefix("172.16.0.0/12")!), Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!, note: "org range")],
        taken: [Ledger.TakenRange(cidr: IPv4Prefix("10.255.0.0/16")!, source: "reserved", note: "on-premises")],
        allocations: [
            Ledger.Allocation(env: "shop-prod", cidr: IPv4Prefix("10.1.0.0/16")!, note: "owner: \"shop\" team"),
            Ledger.Allocation(env: "shop-dev", cidr: IPv4Prefix("10.0.0.0/16")!),
        ])

    @Test func serialisedLedgerIsSortedAndReadsBack() throws {
        let text = LedgerSerializer().serialize(Self.sample)
        let parsed = try LedgerParser().parse(text, file: "l.yaml")
        #expect(parsed.ledger == Self.sample.sorted)
        #expect(parsed.ledger.pools.map(\.cidr.description) == ["10.0.0.0/8", "172.16.0.0/12"])
        #expect(parsed.ledger.allocations.map(\.env) == ["shop-dev", "shop-prod"])
        #expect(text.hasSuffix("\(LedgerParser.endMarker)\n"))
        // The same ledger in any order gives the same bytes.
        var shuffled = Self.sample
        shuffled.allocations.reverse()
        shuffled.pools.reverse()
        #expect(LedgerSerializer().serialize(shuffled) == text)
        #expect(text.contains("""
              - cidr: 10.0.0.0/16
                env: shop-dev
                purpose: vpc
              - cidr: 10.1.0.0/16
                env: shop-prod
                purpose: vpc
                note: "owner: \\"shop\\" team"
            """))
    }

    @Test func anyTextInNotesAndSourcesRoundTrips() async {
        let texts = Gen<UnicodeScalar>.unicodeScalar(in: "\u{0}"..."\u{2FFF}").map { Character($0) }.string(of: 0...24)
        await propertyCheck(count: 300, input: texts, texts) { note, source in
            let ledger = Ledger(
                pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!, note: note)],
                taken: [Ledger.TakenRange(cidr: IPv4Prefix("10.9.0.0/16")!, source: source.isEmpty || source.allSatisfy(\.isWhitespace) ? "x" : source, note: note)],
                allocations: [Ledger.Allocation(env: "yes", cidr: IPv4Prefix("10.0.0.0/16")!, purpose: "null", note: note)])
            let text = LedgerSerializer().serialize(ledger)
            let parsed = try? LedgerParser().parse(text, file: "l.yaml")
            #expect(parsed?.ledger == ledger.sorted, "\(text)")
        }
    }

    /// Each bad ledger is refused with an error at the given line and column, naming the field.
    @Test func malformedLedgersGiveLocatedErrors() throws {
        let good = LedgerSerializer().serialize(Self.sample)
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: "10.1.0.0/16", with: "10.1.0.0/33"), "l.yaml:17:11: error: allocations[1].cidr: '10.1.0.0/33' is not a valid IPv4 prefix length"),
            (good.replacingOccurrences(of: "10.1.0.0/16", with: "10.1.0.1/16"), "l.yaml:17:11: error: allocations[1].cidr: '10.1.0.1/16' has host bits set"),
            (good.replacingOccurrences(of: "env: shop-dev", with: "env: Shop_Dev"), "l.yaml:15:10: error: allocations[0].env: 'Shop_Dev' is not an environment name"),
            (good.replacingOccurrences(of: "    purpose: vpc\n  - cidr: 10.1", with: "    purpse: vpc\n  - cidr: 10.1"), "l.yaml:16:5: error: allocations[0].purpse: unknown field: an allocation has only cidr, env, purpose, vpc, note; did you mean 'purpose'?"),
            (good.replacingOccurrences(of: "edgeplan-ledger: 1", with: "edgeplan-ledger: 2"), "l.yaml:4:18: error: edgeplan-ledger: unknown ledger format version 2"),
            (good.replacingOccurrences(of: "    source: reserved\n", with: ""), "l.yaml:10:5: error: taken[0].source: missing required field 'source'"),
            (good.replacingOccurrences(of: "pools:\n", with: "pools: [\n"), "l.yaml:"),
            ("", "l.yaml:1:1: error: the ledger is empty"),
        ]
        for (text, expected) in cases {
            #expect(throws: DiagnosticError.self) { try LedgerParser().parse(text, file: "l.yaml") }
            do {
                _ = try LedgerParser().parse(text, file: "l.yaml")
            } catch {
                let printed = error.diagnostics.map(\.formatted).joined(separator: "\n")
                #expect(printed.contains(expected), "\(printed)")
                #expect(error.diagnostics.allSatisfy { $0.location != nil })
            }
        }
    }

    /// A file cut anywhere (even at an entry boundary, where it is still valid YAML) is refused.
    @Test func everyTruncationIsRefused() throws {
        let good = LedgerSerializer().serialize(Self.sample)
        let bytes = Array(good.utf8)
        for cut in stride(from: 1, to: bytes.count - LedgerParser.endMarker.count - 1, by: 3) {
            let text = String(decoding: bytes[..<cut], as: UTF8.self)
            #expect(throws: DiagnosticError.self, "cut at \(cut)") { try LedgerParser().parse(text, file: "l.yaml") }
        }
        let atEntryBoundary = good.components(separatedBy: "  - cidr: 10.1.0.0/16")[0]
        do {
            _ = try LedgerParser().parse(atEntryBoundary, file: "l.yaml")
            Issue.record("a ledger cut at an entry boundary was accepted")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("cut short") })
        }
    }

    /// The line reader for edgeplan's own form and the YAML reader agree, locations included
    /// (a trailing space after the end marker sends the same text down the YAML path).
    @Test func theFastPathReadsExactlyWhatTheYAMLPathReads() async throws {
        await propertyCheck(count: 40, input: Gen.int(in: 16...28).array(of: 0...40), Gen.int(in: 0...5)) { lengths, extra in
            var allocator = LedgerAllocator(Ledger(
                pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!, note: "pool \"a\"\n"), Ledger.Pool(cidr: IPv4Prefix("172.16.0.0/12")!)],
                taken: (0..<extra).map { Ledger.TakenRange(cidr: IPv4Prefix(network: 0x0AFF_0000 | UInt32($0) << 8, length: 24)!, source: "vpc-\($0)", note: $0 % 2 == 0 ? nil : "Name=é \u{1}") }))
            for (i, length) in lengths.enumerated() { _ = allocator.allocate(env: "env-\(i)", size: .exactly(length), note: i % 3 == 0 ? "n\(i)" : nil) }
            let text = LedgerSerializer().serialize(allocator.ledger)
            let fast = try? LedgerParser().parse(text, file: "l.yaml")
            let yaml = try? LedgerParser().parse(text + " ", file: "l.yaml")
            #expect(fast != nil && fast == yaml)
            #expect(fast?.ledger == allocator.ledger.sorted)
        }
    }

    @Test func emptySectionsAndHandWrittenFlowStyleRead() throws {
        let text = "edgeplan-ledger: 1\npools: [{cidr: 10.0.0.0/8}]\ntaken:\nallocations: [{cidr: 10.0.0.0/16, env: a}]\n# end of ledger\n"
        let parsed = try LedgerParser().parse(text, file: "l.yaml")
        #expect(parsed.ledger.taken.isEmpty)
        #expect(parsed.ledger.allocations == [Ledger.Allocation(env: "a", cidr: IPv4Prefix("10.0.0.0/16")!, purpose: "vpc")])
        #expect(parsed.location(of: "allocations[0].cidr").line == 4)
    }
}
