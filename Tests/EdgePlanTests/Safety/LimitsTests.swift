import EdgePlan
import Foundation
import Testing

/// Issue 10, defect 12: limits with clear errors instead of minutes of work (500 frontends took
/// 106 s for `plan --out`, a 193 MB price file 119 s and 1.4 GB), and YAML merge keys, which
/// were dropped with only an "unknown field" warning so merged traffic fell back to defaults.
@Suite struct LimitsTests {
    static func frontends(_ count: Int) -> String {
        "[" + (0..<count).map { "{kind: alb-controller, id: o\($0)}" }.joined(separator: ", ") + "]"
    }

    @Test func aDesignComparesAtMostSixtyFourOptions() throws {
        let yaml = Fixtures.design(frontends: Self.frontends(65))
        let errors = Fixtures.errors(yaml, file: "d.yaml")
        #expect(errors.map(\.formatted) == ["d.yaml:10:12: error: frontends: 65 frontend options: a design compares at most 64; split them across designs"])
        let parsed = try DesignParser().parse(Fixtures.design(frontends: Self.frontends(64)), file: "d.yaml")
        #expect(parsed.design.frontends.count == 64)
    }

    @Test func pastThirtyTwoUnknownFieldsTheFileIsRefused() {
        let fields = (0..<5_000).map { "x\($0): 1" }.joined(separator: "\n")
        let outcome = Fixtures.pipeline.run(Fixtures.design(extra: fields), file: "d.yaml")
        #expect(outcome.diagnostics.filter { $0.severity == .warning }.count == 32)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.formatted) == [
            "d.yaml:43:1: error: more than 32 unknown fields: this is not the file edgeplan expects here (check the path), or its fields are misspelt; edgeplan stops reading it",
        ])
        // Thirty-two are only warnings.
        let few = Fixtures.pipeline.run(Fixtures.design(extra: (0..<32).map { "x\($0): 1" }.joined(separator: "\n")), file: "d.yaml")
        #expect(few.plan != nil && few.diagnostics.filter { $0.severity == .warning }.count == 32)
        // The ledger refuses each unknown field, and stops past the limit too.
        let ledger = "edgeplan-ledger: 1\npools: [{cidr: 10.0.0.0/8}]\n" + (0..<100).map { "y\($0): 1" }.joined(separator: "\n") + "\n# end of ledger\n"
        do {
            _ = try LedgerParser().parse(ledger, file: "l.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.count == 33)
        }
    }

    @Test func aHugeUnknownKeyIsNamedShortly() {
        let key = String(repeating: "k", count: 500_000)
        // libyaml takes at most 1,024 characters for an implicit key: an explicit one (`? key`) has no limit.
        let outcome = Fixtures.pipeline.run(Fixtures.design(extra: "? \(key)\n: 1"), file: "d.yaml")
        let warning = outcome.diagnostics.first { $0.severity == .warning }
        #expect(warning?.formatted == "d.yaml:11:3: warning: \(String(repeating: "k", count: 48))… (500000 characters): unknown field, ignored")
    }

    @Test func mergeKeysAreALocatedError() throws {
        let seed = try Fixtures.text("examples/seed-environment.yaml")
        let merged = seed.replacingOccurrences(of: "traffic:\n  requests: 50000000\n", with: "x-traffic: &t {requests: 50000000}\ntraffic:\n  <<: *t\n")
        let errors = Fixtures.errors(merged, file: "m.yaml")
        let line = try #require(merged.range(of: "\n  <<: *t")).lowerBound
        let number = merged[..<line].filter { $0 == "\n" }.count + 2
        #expect(errors.map(\.formatted) == ["m.yaml:\(number):3: error: traffic.<<: YAML merge keys (`<<`) are not read: write the fields out in full"], "\(errors.map(\.formatted))")
        let ledger = "edgeplan-ledger: 1\npools:\n  - &p {cidr: 10.0.0.0/8}\nallocations:\n  - <<: *p\n    env: a\n# end of ledger\n"
        do {
            _ = try LedgerParser().parse(ledger, file: "l.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.first?.formatted == "l.yaml:5:5: error: allocations[0].<<: YAML merge keys (`<<`) are not read: write the fields out in full")
        }
        // A quoted "<<" is an ordinary (unknown) key.
        #expect(Fixtures.errors(seed + "'<<': 1\n").isEmpty)
    }

    /// "At once": each refusal is the size check's message, which comes before any parsing (no
    /// wall-clock assertion: speed is the benchmark's, never a test's).
    @Test func everyReaderRefusesAFileOverItsSizeAtOnce() throws {
        func refused(_ body: () throws -> Void) -> [String] {
            do {
                try body()
                return []
            } catch let error as DiagnosticError {
                return error.diagnostics.map(\.formatted)
            } catch let error as PriceError {
                return (error.malformedFile ?? []).map(\.formatted)
            } catch {
                return ["\(error)"]
            }
        }
        // A valid price file, padded past 1 MB: read before, refused now.
        let prices = try Data(contentsOf: Fixtures.root.appendingPathComponent("pricing/aws/us-east-1.json"))
        let padded = prices + Data(repeating: 0x20, count: PriceCatalog.maxBytes + 1 - prices.count)
        #expect(refused { _ = try PriceCatalog(json: padded, file: "p.json") } == ["p.json:1:1: error: the file is 1,048,577 bytes; a price file is at most 1,048,576 bytes"])
        #expect(refused { _ = try PriceCatalog(json: padded.dropLast(), file: "p.json") }.isEmpty)
        let offer = Data(repeating: 0x20, count: OfferImporter.maxBytes + 1)
        #expect(refused { _ = try OfferImporter(reference: Fixtures.reference).read(offer, file: "o.json") }.first?.hasPrefix("o.json:1:1: error: the file is 16,777,217 bytes; edgeplan reads offer files of at most 16,777,216 bytes") == true)
        let describe = Data(repeating: 0x20, count: AWSImport.maxBytes + 1)
        #expect(refused { _ = try AWSImport().read(describe, file: "v.json") }.first?.hasPrefix("v.json:1:1: error: the file is 33,554,433 bytes; edgeplan reads at most 33,554,432 bytes") == true)
        let ledger = String(repeating: " ", count: LedgerParser.maxBytes + 1)
        #expect(refused { _ = try LedgerParser().parse(ledger, file: "l.yaml") } == ["l.yaml:1:1: error: the file is 16,777,217 bytes; a ledger is at most 16,777,216 bytes"])
    }

    /// Text of tiny values costs about 50 bytes of memory per byte read: past two million values
    /// (a thousand here, to keep the test fast) a JSON file is refused where it reaches them.
    @Test func aJSONFileOfTinyValuesIsRefusedAtTheLimit() throws {
        #expect(JSONValue.maxValues == 2_000_000)
        let text = "{\"Vpcs\": [], \"x\": [" + String(repeating: "1,", count: 1_000) + "1]}"
        #expect(throws: JSONValue.ParseError(line: 1, column: 20 + 2 * 997, message: "more than 1,000 values: far more than any file edgeplan reads holds")) {
            try JSONValue.parseLocated(text, maxValues: 1_000)
        }
        #expect(try JSONValue.parse(text, maxValues: 1_004).fields.count == 2)
    }
}
