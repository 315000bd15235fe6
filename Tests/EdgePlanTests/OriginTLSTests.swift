import EdgePlan
import EdgePlanCore
import EdgePlanRender
import Foundation
import Testing

/// Issue 12, origin TLS: `cloudfront-public-nlb` sets its origin to `https-only`, and CloudFront
/// accepts only a certificate for the origin's name from a CA it trusts. The NLB must end TLS with
/// an ACM certificate for exactly the name the distribution's origin uses (an alias under the
/// deployment's domain, never the NLB's own amazonaws.com name): a TLS listener in the stack
/// (bound), or the ssl-cert annotation on the Service that makes the NLB (staggered), sending
/// plain HTTP to the router's HTTP port.
@Suite struct OriginTLSTests {
    static let cases: [(String, Frontend.DeployStyle, String)] = ["ingress-nginx", "envoy-gateway"].flatMap { router in
        [Frontend.DeployStyle.staggered, .bound].flatMap { style in ["standard", "auto"].map { (router, style, $0) } }
    }

    @Test(arguments: cases)
    func theNLBEndsTLSWithACertificateForTheOriginName(_ router: String, _ style: Frontend.DeployStyle, _ mode: String) throws {
        // In Auto Mode a Service cannot attach the stack's security group, so staggered takes the header alone.
        let protection = style == .staggered && mode == "auto" ? "secret-header" : "prefix-list-sg-and-secret-header"
        let frontends = "[{kind: cloudfront-public-nlb, originProtection: \(protection), deployStyle: \(style.rawValue), router: \(router)}]"
        let plan = try Fixtures.plan(Fixtures.design(frontends: frontends, extra: "clusterMode: \(mode)"))
        let option = plan.options[0]
        let files = try DeploymentEmitter().render(plan)
        let why = "\(router) \(style) \(mode)"
        let stack = try #require(files.first { $0.path == "cloudformation/\(option.id)/frontend.json" })
        let template = try #require(try JSONSerialization.jsonObject(with: Data(stack.contents.utf8)) as? [String: Any])
        let resources = try #require(template["Resources"] as? [String: [String: Any]])
        func properties(_ id: String) -> [String: Any] { resources[id]?["Properties"] as? [String: Any] ?? [:] }
        func json(_ v: Any?) -> String {
            guard let v else { return "nil" }
            return String(decoding: try! JSONSerialization.data(withJSONObject: v, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
        }

        // The origin CloudFront connects to, and the certificate issued for that very name.
        let distribution = try #require(resources.values.first { $0["Type"] as? String == "AWS::CloudFront::Distribution" }?["Properties"] as? [String: Any])
        let origin = try #require(((distribution["DistributionConfig"] as? [String: Any])?["Origins"] as? [[String: Any]])?.first)
        #expect((origin["CustomOriginConfig"] as? [String: Any])?["OriginProtocolPolicy"] as? String == "https-only", "\(why)")
        let originName = json(origin["DomainName"])
        #expect(!originName.contains("GetAtt") && !originName.contains("amazonaws.com"), "\(why): the origin must be the certificate's name, not the NLB's: \(originName)")
        let certificates = resources.filter { $0.value["Type"] as? String == "AWS::CertificateManager::Certificate" }
        let (certificateID, _) = try #require(certificates.first, "\(why): no ACM certificate in the stack")
        let certificate = properties(certificateID)
        #expect(json(certificate["DomainName"]) == originName, "\(why): the certificate is for \(json(certificate["DomainName"])), the origin is \(originName)")
        #expect(certificate["ValidationMethod"] as? String == "DNS", "\(why)")
        let validation = (certificate["DomainValidationOptions"] as? [[String: Any]])?.first
        #expect(json(validation?["HostedZoneId"]) == json(["Ref": "HostedZoneId"]), "\(why): the validation record needs the hosted zone")

        let placement = try #require(option.realization.router)
        #expect(!placement.terminatesTLS, "\(why): the router gets plain HTTP behind the TLS listener")
        switch style {
        case .bound:
            let listener = properties("IngressListener")
            #expect(listener["Protocol"] as? String == "TLS" && listener["Port"] as? Int == 443, "\(why): \(json(listener))")
            #expect(json((listener["Certificates"] as? [[String: Any]])?.first?["CertificateArn"]) == json(["Ref": certificateID]), "\(why)")
            #expect(listener["SslPolicy"] as? String != nil, "\(why)")
            let group = properties("IngressTargetGroup")
            #expect(group["Protocol"] as? String == "TCP" && group["Port"] as? Int == placement.containerPort, "\(why): \(json(group))")
        case .staggered:
            #expect(resources["IngressListener"] == nil, "\(why): Kubernetes makes the NLB's listener")
            let outputs = template["Outputs"] as? [String: [String: Any]] ?? [:]
            #expect(json(outputs["OriginCertificateArn"]?["Value"]) == json(["Ref": certificateID]), "\(why)")
            let services = files.filter { $0.path.hasPrefix("kubernetes/\(option.id)/") && ($0.contents.contains("kind: Service\n") || $0.contents.contains("kind: EnvoyProxy")) }
                .map(\.contents).filter { $0.contains("aws-load-balancer") || $0.contains("loadBalancerClass") || $0.contains("type: LoadBalancer") }
            let service = try #require(services.first, "\(why): no Service makes the NLB")
            #expect(service.contains("service.beta.kubernetes.io/aws-load-balancer-ssl-cert: ${ORIGIN_CERTIFICATE_ARN}"), "\(why):\n\(service)")
            #expect(service.contains("service.beta.kubernetes.io/aws-load-balancer-ssl-ports: \"443\""), "\(why):\n\(service)")
            #expect(!service.contains("aws-load-balancer-backend-protocol"), "\(why): TCP to the router's HTTP port")
            let guide = try #require(files.first { $0.path == "README.md" }).contents
            #expect(guide.contains("OutputKey=='OriginCertificateArn'"), "\(why): the deploy guide fills ORIGIN_CERTIFICATE_ARN from the stack")
        }
        if router == "ingress-nginx" {
            let service = try #require(files.first { $0.path == "kubernetes/\(option.id)/service-ingress-nginx.yaml" }).contents
            #expect(service.contains("port: 443\n      targetPort: http\n") && !service.contains("targetPort: https"), "\(why):\n\(service)")
        } else {
            let gateway = try #require(files.first { $0.path.hasPrefix("kubernetes/\(option.id)/gateway-") }).contents
            #expect(gateway.contains("protocol: HTTP\n") && !gateway.contains("certificateRefs"), "\(why):\n\(gateway)")
        }
        #expect(option.caveats.contains { $0.id == "cloudfront-origin-tls" }, "\(why): the caveat says which TLS path is emitted")
    }
}
