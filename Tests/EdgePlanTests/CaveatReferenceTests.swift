import EdgePlan
import EdgePlanCore
import Foundation
import Testing

/// Every address in `CaveatReferences` belongs to a title a rule cites, is a plain https address,
/// and the titles still without one are listed here, so adding a rule or a link is a visible change.
@Suite struct CaveatReferenceTests {
    static var cited: Set<String> {
        Set(CaveatEngine.standardRules.flatMap { $0.reference.components(separatedBy: "; ") })
    }

    /// Titles no address has been found and read for yet (they stay plain text in reports).
    static let unlinked: Set<String> = [
        "AWS Load Balancer Controller - Gateway API (docs/guide/gateway/gateway.md)",
        "AWS PrivateLink pricing",
        "AWS Systems Manager Parameter Store",
        "Custom domain name for public REST APIs in API Gateway - Amazon API Gateway",
        "Learn about VPC Networking and Load Balancing in EKS Auto Mode - Amazon EKS",
        "Private integration using VPC links V1 (legacy) - Amazon API Gateway",
        "kubernetes/ingress-nginx README",
        "pkg/gateway/crddetect @ v3.5.0",
    ]

    @Test func everyLinkBelongsToACitedTitle() {
        let stale = Set(CaveatReferences.links.keys).subtracting(Self.cited)
        #expect(stale.isEmpty, "links for titles no rule cites: \(stale.sorted())")
    }

    @Test func everyCitedTitleIsLinkedOrListedAsUnlinked() {
        let linked = Set(CaveatReferences.links.keys)
        #expect(Self.cited.subtracting(linked) == Self.unlinked)
        #expect(linked.isDisjoint(with: Self.unlinked))
    }

    @Test func everyLinkIsAnHTTPSAddressWithTheDayItWasRead() {
        for (title, source) in CaveatReferences.links {
            #expect(source.title == title)
            #expect(source.url?.hasPrefix("https://") == true, "\(title)")
            #expect(source.read?.count == 10, "\(title)")
            #expect(source.kind != nil, "\(title)")
        }
    }

    @Test func caveatsCarryTheirRulesLinks() {
        let rule = CaveatEngine.standardRules.first { $0.id == "ingress-nginx-retired" }
        #expect(rule?.referenceLinks.map(\.url) == ["https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/"])
    }
}
