import EdgePlan
import Foundation
import Testing

/// Issue 10, defect 10: `cidr import` refused valid JSON with surrogate-pair escapes
/// (`\ud83d\ude00`, what Python's json.dumps writes by default), because the file was parsed a
/// second time with libyaml. describe-vpcs output is now read by `JSONValue`, edgeplan's one JSON
/// reader, which reads surrogate pairs and refuses half of one with a located error.
@Suite struct JSONReaderTests {
    static func vpcs(name: String) -> String {
        """
        {
            "Vpcs": [
                {
                    "CidrBlock": "10.0.0.0/16",
                    "VpcId": "vpc-0abc",
                    "Tags": [{"Key": "Name", "Value": "\(name)"}]
                }
            ]
        }

        """
    }

    @Test func surrogatePairsReadAsTheCharacterTheySpell() throws {
        let result = try AWSImport().read(Data(Self.vpcs(name: "caf\\u00e9 \\ud83d\\ude00 \\uD83D\\uDE00").utf8), file: "v.json")
        #expect(result.ranges.map(\.note) == ["Name=café 😀 😀"])
        // What Python writes for the same tag, byte for byte.
        let python = #"{"Vpcs": [{"CidrBlock": "10.0.0.0/16", "VpcId": "vpc-0abc", "Tags": [{"Key": "Name", "Value": "\ud83d\ude80 launch"}]}]}"#
        #expect(try AWSImport().read(Data(python.utf8), file: "p.json").ranges.first?.note == "Name=🚀 launch")
    }

    @Test func halfASurrogatePairIsALocatedError() {
        let cases: [(String, String)] = [
            ("\\ud83d", "v.json:6:48: error: not valid JSON: a lone surrogate \\ud83d (the first half of a pair with no second half)"),
            ("x\\ud83d\\u0041", "v.json:6:49: error: not valid JSON: a lone surrogate \\ud83d (the first half of a pair, followed by \\u41)"),
            ("\\ude00", "v.json:6:48: error: not valid JSON: a lone surrogate \\ude00 (the second half of a pair with no first half)"),
            ("\\ud83d\\ud83d", "v.json:6:48: error: not valid JSON: a lone surrogate \\ud83d (the first half of a pair, followed by \\ud83d)"),
            ("\\u+123", "v.json:6:49: error: not valid JSON: a \\u escape needs four hex digits"),
            ("\\u12", "v.json:6:49: error: not valid JSON: a \\u escape needs four hex digits"),
        ]
        for (escape, expected) in cases {
            do {
                _ = try AWSImport().read(Data(Self.vpcs(name: escape).utf8), file: "v.json")
                Issue.record("\(escape) accepted")
            } catch {
                #expect(error.diagnostics.map(\.formatted) == [expected + "; expected the unchanged output of `aws ec2 describe-vpcs` or `describe-subnets`"], "\(escape)")
            }
        }
    }

    @Test func numbersAreJSONNumbers() {
        for (text, ok) in [("0", true), ("-12", true), ("010", false), ("-", false), ("-01", false), ("00", false)] {
            let parsed = try? JSONValue.parse("{\"n\": \(text)}")
            #expect((parsed != nil) == ok, "\(text)")
        }
    }

    /// A duplicate key was found by comparing each key with every earlier one: quadratic in the
    /// size of an object (an offer's `products` holds thousands of SKUs).
    @Test func aLargeObjectIsReadInLinearTime() throws {
        let count = 20_000
        let fields = (0..<count).map { "\"sku-\($0)\": \($0)" }.joined(separator: ",\n")
        let start = Date()
        let value = try JSONValue.parse("{\n\(fields)\n}")
        #expect(value.fields.count == count)
        #expect(throws: JSONValue.ParseError(line: count + 2, column: 1, message: "duplicate key 'sku-7'")) {
            try JSONValue.parse("{\n\(fields),\n\"sku-7\": 0}")
        }
        #expect(Date().timeIntervalSince(start) < 3, "took \(Date().timeIntervalSince(start)) s")
    }
}
