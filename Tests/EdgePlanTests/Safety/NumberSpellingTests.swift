import EdgePlan
import Foundation
import Testing

/// Issue 10, defect 5: YAML 1.1 spellings of numbers (`010` read as 8, `1:30` as 90, `0x10` as 16,
/// `0b11` as 3) were taken for numbers in integer fields, while `traffic.requests: 010` read as
/// 10. Every integer and decimal field, in designs and in the ledger, now takes plain decimal
/// digits only, and any other spelling is an error at the value.
@Suite struct NumberSpellingTests {
    /// YAML 1.1 readers (libyaml, PyYAML, Yams) take each of these for a number other than the one
    /// a person reads, or YAML 1.2 readers take it for text.
    static let integerSpellings = ["010", "1:30", "0x10", "0b11", "0o17", "+5", "1_000", "00", "-0"]
    static let decimalSpellings = integerSpellings + ["1e3", "2.5e3", ".5", "5.", "1_000.5", "+0.5", "0.5e1", "1:30.5", "01.5"]

    /// `text` with `marker` replaced by `value`, and the 1-based line and column where `value` starts.
    static func place(_ value: String, at marker: String, in text: String) -> (String, Int, Int) {
        let replaced = text.replacingOccurrences(of: marker, with: value)
        let before = replaced[..<replaced.range(of: value)!.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return (replaced, line, column)
    }

    struct Field: CustomTestStringConvertible, Sendable {
        var path: String
        var yaml: String
        var marker: String
        var decimal: Bool
        var testDescription: String { path }
    }

    static let fields: [Field] = [
        Field(path: "edgeplan", yaml: Fixtures.design().replacingOccurrences(of: "edgeplan: 1", with: "edgeplan: @"), marker: "@", decimal: false),
        Field(path: "network.nodes.max", yaml: Fixtures.design().replacingOccurrences(of: "max: 30", with: "max: @"), marker: "@", decimal: false),
        Field(path: "network.nodes.podsPerNode", yaml: Fixtures.design().replacingOccurrences(of: "podsPerNode: 110", with: "podsPerNode: @"), marker: "@", decimal: false),
        Field(path: "network.azs", yaml: Fixtures.design(azs: "@"), marker: "@", decimal: false),
        Field(path: "traffic.wafRules", yaml: Fixtures.design(extra: "traffic: {wafRules: @}"), marker: "@", decimal: false),
        Field(path: "traffic.requests", yaml: Fixtures.design(extra: "traffic: {requests: @}"), marker: "@", decimal: true),
        Field(path: "traffic.dataOutGB", yaml: Fixtures.design(extra: "traffic:\n  dataOutGB: @"), marker: "@", decimal: true),
        Field(path: "hoursPerMonth", yaml: Fixtures.design(extra: "hoursPerMonth: @"), marker: "@", decimal: true),
    ]

    @Test(arguments: fields)
    func everyOtherSpellingIsALocatedError(_ field: Field) {
        for spelling in field.decimal ? Self.decimalSpellings : Self.integerSpellings {
            let (yaml, line, column) = Self.place(spelling, at: field.marker, in: field.yaml)
            let errors = Fixtures.errors(yaml, file: "n.yaml")
            let error = errors.first { $0.path == field.path }
            #expect(error?.formatted.hasPrefix("n.yaml:\(line):\(column): error: \(field.path): '\(spelling)' is not a plain decimal number: ") == true,
                    "\(spelling): \(errors.map(\.formatted))")
        }
    }

    /// The reproducers of the issue, one by one, with what the message tells the author to write.
    @Test func theMessageSaysHowToWriteTheNumber() {
        let cases: [(String, String)] = [
            ("010", "YAML 1.1 reads a leading zero as octal (010 is 8): write it without leading zeros (10)"),
            ("1:30", "YAML 1.1 reads it as a base-60 number (1:30 is 90)"),
            ("0x10", "hexadecimal, octal or binary"),
            ("0b11", "hexadecimal, octal or binary"),
            ("+5", "a sign is not part of a plain number: write 5"),
            ("1_000", "write the digits only (1000)"),
        ]
        for (spelling, says) in cases {
            let message = Fixtures.errors(Fixtures.design().replacingOccurrences(of: "max: 30", with: "max: \(spelling)")).first?.message ?? ""
            #expect(message.contains(says), "\(spelling): \(message)")
        }
        let decimal = Fixtures.errors(Fixtures.design(extra: "traffic: {requests: 010}")).first?.message ?? ""
        #expect(decimal.contains("(10)"), "010 is refused in a decimal field as in an integer one: \(decimal)")
        let exponent = Fixtures.errors(Fixtures.design(extra: "traffic: {requests: 5e7}")).first?.message ?? ""
        #expect(exponent.contains("exponents are not read"), "\(exponent)")
    }

    @Test func subnetSizesTakeDigitsOnly() {
        for spelling in ["/+24", "/024", "+24", "/2_4", "-0"] {
            let yaml = Fixtures.design().replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  subnetSizes: {public: \"\(spelling)\"}")
            #expect(Fixtures.errors(yaml).first?.path == "network.subnetSizes.public", "\(spelling)")
        }
        let good = Fixtures.design().replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  subnetSizes: {public: /24}")
        #expect(Fixtures.errors(good).isEmpty)
    }

    @Test func theLedgerVersionTakesDigitsOnly() throws {
        let good = LedgerSerializer().serialize(Ledger(pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)]))
        #expect(throws: Never.self) { try LedgerParser().parse(good, file: "l.yaml") }
        for spelling in ["01", "0x1", "+1", "1_0", "0b1"] {
            let bad = good.replacingOccurrences(of: "edgeplan-ledger: 1", with: "edgeplan-ledger: \(spelling)")
            do {
                _ = try LedgerParser().parse(bad, file: "l.yaml")
                Issue.record("\(spelling) accepted")
            } catch {
                #expect(error.diagnostics.first?.formatted.hasPrefix("l.yaml:4:18: error: edgeplan-ledger: '\(spelling)' is not a plain decimal number: ") == true,
                        "\(spelling): \(error.diagnostics.map(\.formatted))")
            }
        }
    }
}
