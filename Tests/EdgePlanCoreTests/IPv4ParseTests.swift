import EdgePlanCore
import Testing

@Suite struct IPv4ParseTests {
    @Test(arguments: [
        ("10.0.0.0/16", "10.0.0.0/16"),
        ("0.0.0.0/0", "0.0.0.0/0"),
        ("255.255.255.255/32", "255.255.255.255/32"),
        ("100.64.0.0/10", "100.64.0.0/10"),
        ("192.168.1.128/25", "192.168.1.128/25"),
    ])
    func parsesValidPrefixes(text: String, expected: String) {
        #expect(IPv4Prefix(text)?.description == expected)
    }

    @Test(arguments: [
        ("10.0.0.1/16", "host bits set"),
        ("10.0.0.0/33", "prefix length"),
        ("10.0.0.0/-1", "prefix length"),
        ("10.0.0.0/016", "prefix length"),
        ("10.0.0.0/", "prefix length"),
        ("010.0.0.0/8", "leading zeros"),
        ("10.00.0.0/16", "leading zeros"),
        ("256.0.0.0/8", "0–255"),
        ("10.0.0/16", "four octets"),
        ("10.0.0.0.0/16", "four octets"),
        ("10..0.0/16", "empty"),
        ("10.0.0.0", "no prefix length"),
        ("", "empty string"),
        (" 10.0.0.0/16", "only digits"),
        ("10.0.0.0/16 ", "prefix length"),
        ("1000.0.0.0/8", "0–255"),
        ("a.b.c.d/8", "only digits"),
    ])
    func rejectsInvalidPrefixes(text: String, reason: String) {
        guard case .failure(let error) = IPv4Prefix.parse(text) else {
            Issue.record("'\(text)' should not parse")
            return
        }
        #expect(error.description.contains(reason), "\(error.description)")
    }

    @Test func hostBitsErrorNamesTheNetwork() {
        guard case .failure(let error) = IPv4Prefix.parse("10.0.0.1/16") else { Issue.record("parsed"); return }
        #expect(error.description.contains("10.0.0.0/16"))
    }

    @Test func containmentAndOverlap() throws {
        let vpc = try #require(IPv4Prefix("10.128.0.0/16"))
        let inner = try #require(IPv4Prefix("10.128.32.0/27"))
        let outside = try #require(IPv4Prefix("10.129.0.0/16"))
        #expect(vpc.contains(inner))
        #expect(!inner.contains(vpc))
        #expect(vpc.overlaps(inner) && inner.overlaps(vpc))
        #expect(!vpc.overlaps(outside))
        #expect(vpc.contains(IPv4Address(10, 128, 255, 255)))
        #expect(!vpc.contains(IPv4Address(10, 129, 0, 0)))
        #expect(inner.supernet(length: 16) == vpc)
        #expect(vpc.supernet(length: 17) == nil)
        #expect(vpc.split(length: 18).map(\.description) == ["10.128.0.0/18", "10.128.64.0/18", "10.128.128.0/18", "10.128.192.0/18"])
        #expect(vpc.last.description == "10.128.255.255")
        #expect(IPv4Prefix("0.0.0.0/0")!.size == 1 << 32)
    }

    @Test func blocksCoverRangesMinimally() {
        // 10.0.0.0 – 10.0.2.255 is a /23 and a /24.
        let start = UInt64(IPv4Address(10, 0, 0, 0).value)
        let blocks = IPv4Prefix.blocks(from: start, to: start + 768)
        #expect(blocks.map(\.description) == ["10.0.0.0/23", "10.0.2.0/24"])
        #expect(IPv4Prefix.blocks(from: 0, to: 1 << 32).map(\.description) == ["0.0.0.0/0"])
    }
}
