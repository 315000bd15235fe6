@testable import EdgePlanRender
import EdgePlan
import Foundation
import Testing

/// The Terraform modules (`--template-format terraform`, and `plan --out`). The heavy checks
/// (terraform fmt and validate, checkov, every module against its template and plan.json) are in
/// Tests/validators/test_terraform.py; these keep the golden, the writer's format and the wiring.
@Suite struct TerraformEmitTests {
    /// The seed environment's modules (staggered: discovery, `count`, the us-east-1 web ACL), byte for byte.
    @Test func seedEnvironmentModulesMatchGolden() throws {
        let plan = try EmitTests.plan("seed-environment.yaml")
        let files = try DeploymentEmitter(templateFormat: .terraform).render(plan)
        #expect(!files.contains { $0.path.hasPrefix("cloudformation/") }, "terraform replaces the templates")
        #expect(files.contains { $0.path == "kubernetes/alb-privatelink-nlb/kustomization.yaml" })
        for file in files where file.path.hasPrefix("terraform/") {
            try expectGolden(file.contents, "Tests/EdgePlanTests/Golden/emit/seed-environment-terraform/\(file.path)")
        }
    }

    @Test func sameInputSameBytes() throws {
        let plan = try EmitTests.plan("media-cloudfront.yaml")
        #expect(try DeploymentEmitter(templateFormat: .terraform).render(plan) == DeploymentEmitter(templateFormat: .terraform).render(plan))
    }

    /// `plan --out` writes both: the templates (and their guide) unchanged, and terraform/ beside them.
    @Test func planOutWritesBoth() throws {
        let plan = try EmitTests.plan("seed-environment.yaml", deployStyle: .bound)
        let both = try DeploymentEmitter(terraform: true).render(plan)
        let templates = try DeploymentEmitter().render(plan)
        #expect(both.filter { !$0.path.hasPrefix("terraform/") } == templates)
        #expect(both.contains { $0.path == "terraform/network/terraform-aws-modules-vpc.auto.tfvars.json" })
        #expect(!both.contains { $0.path == "terraform/discovery/main.tf" }, "the bound style has no discovery")
    }

    /// Every resource of every template becomes a Terraform resource (or the data source that
    /// replaces the endpoint-address custom resource), in every example and both deploy styles.
    @Test(arguments: (try? Fixtures.examples()) ?? [])
    func everyTemplateResourceIsTranslated(_ example: String) throws {
        for style in [Frontend.DeployStyle.staggered, .bound] {
            let plan = try EmitTests.plan(example, deployStyle: style)
            let files = try DeploymentEmitter(terraform: true).render(plan)
            let modules = Dictionary(grouping: files.filter { $0.path.hasPrefix("terraform/") && $0.path.hasSuffix(".tf") }) {
                $0.path.split(separator: "/").dropLast().joined(separator: "/")
            }.mapValues { $0.map(\.contents).joined() }
            for file in files where file.path.hasPrefix("cloudformation/") && file.path.hasSuffix(".json") && !file.path.hasSuffix(".stack-policy.json") {
                var folder = String(file.path.dropLast(".json".count)).replacingOccurrences(of: "cloudformation/", with: "terraform/")
                if folder.hasSuffix("/frontend") || folder.hasSuffix("/edge-waf") { folder = folder.split(separator: "/").dropLast().joined(separator: "/") }
                let hcl = try #require(modules[folder], "\(example) \(style): no module for \(file.path)")
                for (id, resource) in try Fixtures.resources(of: file) where !id.hasPrefix("EndpointIpsFunction") {
                    let type = resource["Type"] as? String ?? ""
                    let name = type.hasPrefix("Custom::") ? "data \"aws_network_interface\" \"\(id.snakeCased)\"" : "\"\(id.snakeCased)\" {"
                    #expect(hcl.contains(name), "\(example) \(style) \(file.path): \(id) (\(type))")
                }
            }
        }
    }

    @Test func writerAlignsRunsOfOneLineAttributesAsTerraformFmtDoes() {
        let block = HCLBlock("resource", ["aws_x", "y"], [
            .comment("checkov:skip=CKV_1:a reason"),
            .attribute("a", .int(1)),
            .attribute("long_name", .string("x ${y} %{z} \"q\"")),
            .attribute("tags", .object([("Name", .string("n")), ("kubernetes.io/role/elb", .string("1"))])),
            .attribute("b", .list([.raw("var.a"), .raw("var.b")])),
            .block(HCLBlock("lifecycle", [], [.attribute("prevent_destroy", .bool(true))])),
            .attribute("user_data", .call("base64encode", [.heredoc("line\n\nlast\n")])),
            .attribute("cc", .template([.interpolation("local.x"), .text("-web")])),
        ])
        #expect(HCLWriter.file([block]) == """
            resource "aws_x" "y" {
              #checkov:skip=CKV_1:a reason
              a         = 1
              long_name = "x $${y} %%{z} \\"q\\""
              tags = {
                Name                     = "n"
                "kubernetes.io/role/elb" = "1"
              }
              b = [var.a, var.b]
              lifecycle {
                prevent_destroy = true
              }
              user_data = base64encode(<<-EOT
                line

                last
              EOT
              )
              cc = "${local.x}-web"
            }

            """)
        #expect(HCLValue.template([.interpolation("var.a")], simplify: true).inline == "var.a", "terraform fmt unwraps a lone interpolation")
        #expect("WebACLArn".snakeCased == "web_acl_arn" && "S3Endpoint".snakeCased == "s3_endpoint" && "PublicSubnetA".snakeCased == "public_subnet_a")
    }
}
