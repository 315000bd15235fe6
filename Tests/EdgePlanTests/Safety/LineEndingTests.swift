import EdgePlan
import Foundation
import Testing

/// Issue 10, defect 6: a ledger checked out with CRLF line ends was refused as "cut short" at 1:1,
/// after 20 s on a 100,000-entry ledger (Swift takes "\r\n" for one Character, so splitting on
/// "\n" saw one line). CRLF and lone-CR files now read exactly like their LF form, at LF speed.
@Suite struct LineEndingTests {
    /// A ledger of `count` /28 allocations, as edgeplan writes it.
    static func ledgerText(_ count: Int) -> String {
        let pool = IPv4Prefix("10.0.0.0/8")!
        let allocations = (0..<count).map { i in
            Ledger.Allocation(env: "env-\(i)", cidr: IPv4Prefix(network: pool.network + UInt32(i) * 16, length: 28)!, note: i % 7 == 0 ? "owner: team \(i)" : nil)
        }
        return LedgerSerializer().serialize(Ledger(pools: [Ledger.Pool(cidr: pool)], taken: [Ledger.TakenRange(cidr: IPv4Prefix("10.255.0.0/16")!, source: "reserved")], allocations: allocations))
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    @Test func aCRLFLedgerReadsLikeItsLFFormAndAsFast() throws {
        let lf = Self.ledgerText(10_000)
        var plain: ParsedLedger?
        let lfTime = try Self.seconds { plain = try LedgerParser().parse(lf, file: "l.yaml") }
        for (name, breakText) in [("CRLF", "\r\n"), ("CR", "\r")] {
            let other = lf.replacingOccurrences(of: "\n", with: breakText)
            var parsed: ParsedLedger?
            let time = try Self.seconds { parsed = try LedgerParser().parse(other, file: "l.yaml") }
            #expect(parsed == plain, "\(name)")
            // Read on the line reader's fast path, like LF: not the YAML fallback (seven times slower).
            #expect(time < lfTime * 3 + 0.5, "\(name) took \(time) s, LF \(lfTime) s")
        }
    }

    @Test func aCRLFLedgerWithAnErrorIsLocatedAsItsLFForm() {
        let lf = Self.ledgerText(3).replacingOccurrences(of: "10.0.0.16/28", with: "10.0.0.16/33")
        func printed(_ text: String) -> [String] {
            do {
                _ = try LedgerParser().parse(text, file: "l.yaml")
                return []
            } catch {
                return error.diagnostics.map(\.formatted)
            }
        }
        let expected = printed(lf)
        #expect(expected.first?.hasPrefix("l.yaml:15:11: error: allocations[1].cidr: ") == true, "\(expected)")
        #expect(printed(lf.replacingOccurrences(of: "\n", with: "\r\n")) == expected)
        // A CRLF file cut short is still told apart from a whole one.
        let cut = lf.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "# end of ledger\r\n", with: "")
        #expect(printed(cut).contains { $0.contains("error: the ledger does not end with the line '# end of ledger'") })
    }

    @Test func aCRLFDesignPlansLikeItsLFForm() throws {
        let lf = try Fixtures.text("examples/seed-environment.yaml")
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try Fixtures.plan(crlf) == Fixtures.plan(lf))
        let bad = lf.replacingOccurrences(of: "max: 30", with: "max: 30\n    maxx: 1").replacingOccurrences(of: "azs: 3", with: "azs: [eu-west-1a, nowhere]")
        let lfDiagnostics = Fixtures.pipeline.run(bad, file: "d.yaml").diagnostics.map(\.formatted)
        #expect(lfDiagnostics.count >= 2)
        for breakText in ["\r\n", "\r"] {
            #expect(Fixtures.pipeline.run(bad.replacingOccurrences(of: "\n", with: breakText), file: "d.yaml").diagnostics.map(\.formatted) == lfDiagnostics)
        }
    }
}
