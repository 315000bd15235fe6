import EdgePlan
import EdgePlanCore
@testable import EdgePlanRender
import Foundation
import Testing

/// Two options of a design must not look alike: what sets them apart (a security group, the
/// CloudFront prefix list, Elastic IPs, who makes the load balancer, a staggered or bound
/// deployment) is written on the diagram itself, not only in hover titles.
@Suite struct DiagramVariantTests {
    /// The diagram's visible words, without its first line (the option's id).
    static func visibleText(_ plan: Plan, _ option: PlannedOption, compact: Bool = false) -> [String] {
        Array(OptionDiagram(compact: compact).canvas(plan, option).textBoxes.map(\.text).dropFirst())
    }

    @Test(arguments: try! DiagramGeometryTests.designs())
    func everyPairOfOptionsLooksDifferent(_ design: String) throws {
        let plan = try Fixtures.plan(try Fixtures.text(design))
        for (i, a) in plan.options.enumerated() {
            for b in plan.options[(i + 1)...] {
                #expect(Self.visibleText(plan, a) != Self.visibleText(plan, b), "\(design): \(a.id) and \(b.id) draw the same words")
                #expect(Self.visibleText(plan, a, compact: true) != Self.visibleText(plan, b, compact: true),
                        "\(design): \(a.id) and \(b.id) draw the same words in their compact diagrams")
            }
        }
    }

    @Test func boundAndStaggeredDiffer() throws {
        let staggered = try Fixtures.examplePlan("seed-environment.yaml")
        let bound = try EmitTests.plan("seed-environment.yaml", deployStyle: .bound)
        for option in staggered.options where option.realization.staggered {
            guard let other = bound.options.first(where: { $0.id == option.id }) else { continue }
            let a = Self.visibleText(staggered, option), b = Self.visibleText(bound, other)
            #expect(a != b, "\(option.id): bound and staggered draw the same words")
            #expect(b.contains { $0.contains("CloudFormation + TargetGroupBinding") } || b.contains { $0.contains("made by CloudFormation") })
            #expect(a.contains { $0.contains("discovery function") })
        }
    }

    @Test func theFactsThatSetOptionsApartAreWritten() throws {
        let plan = try Fixtures.examplePlan("media-cloudfront.yaml")
        let open = try #require(plan.options.first { $0.id == "cloudfront-public-nlb" })
        let closed = try #require(plan.options.first { $0.id == "cloudfront-public-nlb-sg" })
        #expect(Self.visibleText(plan, closed).contains { $0.contains("CloudFront origin-facing prefix list") })
        #expect(!Self.visibleText(plan, open).contains { $0.contains("prefix list") })
        let partners = try Fixtures.examplePlan("fixed-ip-partners.yaml")
        let nlbToALB = try #require(partners.options.first { $0.id == "nlb-to-alb" })
        let words = Self.visibleText(partners, nlbToALB)
        #expect(words.filter { $0 == "Elastic IP" }.count == partners.availabilityZones.count)
        #expect(words.contains("WAF"))
        #expect(words.filter { $0 == "WAF" }.count == 1, "the web ACL is drawn once, where it attaches")
        let controller = try #require(partners.options.first { $0.id == "alb-controller" })
        #expect(Self.visibleText(partners, controller).contains { $0.hasPrefix("made by the Load Balancer Controller") })
    }

    /// CloudFront ends the viewer's TLS and opens its own to the origin: no hop out of CloudFront
    /// says it passes the client's TLS through, and every hop into a component that ends TLS says so.
    @Test(arguments: try! DiagramGeometryTests.designs())
    func tlsIsMarkedOnEveryHop(_ design: String) throws {
        let plan = try Fixtures.plan(try Fixtures.text(design))
        for option in plan.options {
            let t = option.topology
            for e in t.edges where !e.bypass {
                let text = OptionDiagram.edgeText(e, t)
                if t.component(e.from)?.kind == .cloudFront { #expect(text.contains("new TLS"), "\(option.id): \(text)") }
                switch e.tls {
                case .terminates: #expect(text.contains("ends at"), "\(option.id): \(text)")
                case .passthrough: #expect(text.contains("through"), "\(option.id): \(text)")
                case .none: #expect(!text.contains("TLS ends") && !text.contains("through"), "\(option.id): \(text)")
                }
            }
        }
    }

    @Test func svgsNameThemselvesForScreenReaders() throws {
        let plan = try Fixtures.examplePlan("media-cloudfront.yaml")
        let svg = OptionDiagram().svg(plan, plan.options[0])
        let id = "d-\(plan.options[0].id)"
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
        #expect(svg.contains("@media (prefers-color-scheme: dark)"))
        #expect(XMLCheck.isWellFormed(svg))
    }
}
