import EdgePlan
import EdgePlanRender
import Foundation
import Testing

/// Issue 12: a staggered frontend stack redeployed while discovery's parameter says `None` would
/// delete everything under `NlbPresent`. Each one comes with a stack policy that denies deleting
/// or replacing exactly those resources, and the guide deploys the second time only once the
/// parameter holds the NLB, then sets the policy.
@Suite struct StaggeredGuardTests {
    @Test func everyConditionedResourceIsProtected() throws {
        let plan = try EmitTests.plan("seed-environment.yaml", deployStyle: .staggered)
        let files = try DeploymentEmitter().render(plan)
        let guide = try #require(files.first { $0.path == "README.md" }).contents
        var checked = 0
        for option in plan.options where option.realization.discovery != nil {
            let template = try #require(files.first { $0.path == "cloudformation/\(option.id)/frontend.json" })
            let resources = try #require((try JSONSerialization.jsonObject(with: Data(template.contents.utf8)) as? [String: Any])?["Resources"] as? [String: [String: Any]])
            let conditioned = resources.filter { $0.value["Condition"] as? String == "NlbPresent" }.keys.sorted()
            #expect(!conditioned.isEmpty, "\(option.id)")
            let policyFile = try #require(files.first { $0.path == "cloudformation/\(option.id)/frontend.stack-policy.json" }, "\(option.id)")
            let policy = try #require(try JSONSerialization.jsonObject(with: Data(policyFile.contents.utf8)) as? [String: Any])
            let statements = try #require(policy["Statement"] as? [[String: Any]])
            let deny = try #require(statements.first { $0["Effect"] as? String == "Deny" })
            #expect(deny["Action"] as? [String] == ["Update:Delete", "Update:Replace"])
            #expect((deny["Resource"] as? [String])?.sorted() == conditioned.map { "LogicalResourceId/\($0)" })
            #expect(statements.contains { $0["Effect"] as? String == "Allow" && $0["Action"] as? String == "Update:*" })
            #expect(guide.contains("--stack-name seed-env-\(option.id) --stack-policy-body file://cloudformation/\(option.id)/frontend.stack-policy.json"))
            checked += 1
        }
        #expect(checked == 3)
        #expect(guide.contains("test \"$(aws ssm get-parameter --region eu-west-1 --name /edgeplan/seed-env/ingress-nlb-arn --query Parameter.Value --output text)\" != None && \\\n"))
    }

    @Test func boundStacksNeedNoGuard() throws {
        let plan = try EmitTests.plan("seed-environment.yaml", deployStyle: .bound)
        let files = try DeploymentEmitter().render(plan)
        #expect(!files.contains { $0.path.hasSuffix(".stack-policy.json") })
        #expect(!(files.first { $0.path == "README.md" }?.contents.contains("set-stack-policy") ?? true))
    }
}
