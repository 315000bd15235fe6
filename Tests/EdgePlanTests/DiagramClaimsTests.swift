import EdgePlan
import EdgePlanCore
import EdgePlanRender
import Foundation
import Testing

/// What a diagram's badges say about the emitted files is true of them: an NLB drawn with the
/// CloudFront origin-facing prefix list as its only source has a security group rule from a prefix
/// list in the option's stack, an Elastic IP drawn per AZ is an EIP mapped onto the load balancer,
/// and a load balancer drawn as "made by CloudFormation + TargetGroupBinding" is a template resource
/// with a TargetGroupBinding manifest beside it. Every example, every option emit writes.
@Suite struct DiagramClaimsTests {
    @Test(arguments: try! Fixtures.examples())
    func badgesAreTrueOfTheEmittedFiles(_ example: String) throws {
        let plan = try Fixtures.examplePlan(example)
        let emittable = plan.options.filter(\.refusals.isEmpty)
        let files = try DeploymentEmitter(optionIDs: emittable.map(\.id)).render(plan)
        for option in emittable {
            let text = DiagramVariantTests.visibleText(plan, option).joined(separator: "\n")
            let emitted = try ClaimsTests.Emitted(files, option: option.id)
            let why = "\(example): \(option.id)"
            if text.contains("origin-facing prefix list only") {
                let rules = emitted.of("AWS::EC2::SecurityGroup").flatMap { $0["SecurityGroupIngress"] as? [[String: Any]] ?? [] }
                    + emitted.of("AWS::EC2::SecurityGroupIngress")
                #expect(!rules.isEmpty && rules.allSatisfy { $0["SourcePrefixListId"] != nil }, "\(why): the drawn prefix-list-only security group is not what the stack makes")
            }
            if text.contains("Elastic IP") {
                let mapped = emitted.of("AWS::ElasticLoadBalancingV2::LoadBalancer").contains {
                    ($0["SubnetMappings"] as? [[String: Any]])?.allSatisfy { $0["AllocationId"] != nil } == true
                }
                #expect(!emitted.of("AWS::EC2::EIP").isEmpty && mapped, "\(why): Elastic IPs drawn but none mapped onto a load balancer")
            }
            if text.contains("made by CloudFormation + TargetGroupBinding") {
                #expect(!emitted.of("AWS::ElasticLoadBalancingV2::LoadBalancer").isEmpty && emitted.manifests.contains { $0.contains("kind: TargetGroupBinding") },
                        "\(why): drawn as a stack's load balancer filled by a TargetGroupBinding")
            }
        }
    }

    /// The claims are made somewhere: across the examples each badge is drawn at least once.
    @Test func everyBadgeIsDrawnInSomeExample() throws {
        var seen = Set<String>()
        for example in try Fixtures.examples() {
            let plan = try Fixtures.examplePlan(example)
            for option in plan.options {
                let text = DiagramVariantTests.visibleText(plan, option).joined(separator: "\n")
                for badge in ["origin-facing prefix list only", "Elastic IP", "made by CloudFormation + TargetGroupBinding"] where text.contains(badge) { seen.insert(badge) }
            }
        }
        #expect(seen.count == 3, "\(seen)")
    }
}
