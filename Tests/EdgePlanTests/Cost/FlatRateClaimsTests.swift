import EdgePlan
import EdgePlanCore
import EdgePlanRender
import Foundation
import Testing

/// The flat-rate model rules out plans without WAF request logs because edgeplan's web ACL stacks
/// log every request (CloudFrontFlatRate.swift): true of what `emit` writes for every option whose
/// web ACL is on the distribution.
@Suite struct FlatRateClaimsTests {
    @Test(arguments: MitigationClaimsTests.cases)
    func aWebACLOnCloudFrontIsEmittedWithRequestLogs(_ path: String, _ style: Frontend.DeployStyle) throws {
        let plan = try MitigationClaimsTests.plan(path, style: style)
        let files = try DeploymentEmitter().render(plan)
        for option in plan.options where option.topology.wafOn == "cloudfront" {
            let resources = try MitigationClaimsTests.resources(files, folder: "cloudformation/\(option.id)/")
            #expect(resources.contains { $0.body["Type"] as? String == "AWS::WAFv2::WebACL" }, "\(path) \(style) \(option.id): no web ACL")
            #expect(resources.contains { $0.body["Type"] as? String == "AWS::WAFv2::LoggingConfiguration" },
                    "\(path) \(style) \(option.id): the web ACL on CloudFront is priced as logging its requests, but none is emitted")
        }
    }
}
