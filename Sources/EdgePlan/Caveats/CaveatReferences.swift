import EdgePlanCore
import Foundation

/// Where the pages the caveat rules cite are published: one entry per reference title, exactly
/// as the rules spell it in `reference`, so a report can make each title a link. Every address was
/// read on the day given (found with the project's search tools; the ones also in limits/ or
/// pricing/ are the same addresses those files record). A title without an entry stays plain text;
/// `CaveatReferenceTests` lists which.
public enum CaveatReferences {
    public static let links: [String: Source] = {
        let entries: [(String, String, String)] = [
            // (title as in the rules, address, kind)
            ("Ingress NGINX Retirement: What You Need to Know (kubernetes.io blog, 2025-11-11)",
             "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/", "official-blog"),
            ("AWS-managed prefix lists - Amazon VPC",
             "https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html", "aws-page"),
            ("Amazon VPC quotas", "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html", "aws-page"),
            ("Associating or disassociating a web ACL with an AWS resource - AWS WAF",
             "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html", "aws-page"),
            ("Best practices for AWS Global Accelerator",
             "https://docs.aws.amazon.com/global-accelerator/latest/dg/best-practices-aga.html", "aws-page"),
            ("How AWS Global Accelerator works",
             "https://docs.aws.amazon.com/global-accelerator/latest/dg/introduction-how-it-works.html", "aws-page"),
            ("Cross-zone load balancing for target groups - Elastic Load Balancing (Network Load Balancers)",
             "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-cross-zone.html", "aws-page"),
            ("CustomOriginConfig - Amazon CloudFront API Reference",
             "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html", "aws-page"),
            ("Interface VPC endpoints (AWS PrivateLink)", "https://docs.aws.amazon.com/vpc/latest/userguide/vpce-interface.html", "aws-page"),
            ("Network Load Balancers - Elastic Load Balancing",
             "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html", "aws-page"),
            ("Quotas for configuring and running a REST API in API Gateway",
             "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html", "aws-page"),
            ("Quotas for configuring and running an HTTP API in API Gateway",
             "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html", "aws-page"),
            ("Update the security groups for your Network Load Balancer - Elastic Load Balancing",
             "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html", "aws-page"),
            ("Use Application Load Balancers as targets of a Network Load Balancer",
             "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/application-load-balancer-target.html", "aws-page"),
            ("What is a Classic Load Balancer? - Elastic Load Balancing",
             "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/introduction.html", "aws-page"),
            ("Amazon EC2 On-Demand Pricing, data transfer within AWS", "https://aws.amazon.com/ec2/pricing/on-demand/", "aws-page"),
            ("AWS Load Balancer Controller TargetGroupBinding",
             "https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/targetgroupbinding/targetgroupbinding/", "official-docs"),
            ("AWS Load Balancer Controller - Ingress annotations",
             "https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/", "official-docs"),
            ("AWS Load Balancer Controller - Network Load Balancer",
             "https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/nlb/", "official-docs"),
            ("AWS Load Balancer Controller installation (kubernetes-sigs.github.io)",
             "https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/installation/", "official-docs"),
            ("HTTP headers and Application Load Balancers",
             "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/x-forwarded-headers.html", "aws-page"),
            ("Edit target group attributes for your Network Load Balancer - Elastic Load Balancing",
             "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html", "aws-page"),
            ("HTTP 502 status code (Bad Gateway) - Amazon CloudFront Developer Guide",
             "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html", "aws-page"),
            ("Requirements for using SSL/TLS certificates with CloudFront",
             "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html", "aws-page"),
            ("Restricting access to Application Load Balancers - Amazon CloudFront",
             "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/restrict-access-to-load-balancer.html", "aws-page"),
            // AWS now titles this page "CloudFormation template Conditions syntax".
            ("Working with AWS CloudFormation conditions",
             "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html", "aws-page"),
            ("Register targets with your target group - Elastic Load Balancing",
             "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-register-targets.html", "aws-page"),
            ("Preserve client IP addresses in AWS Global Accelerator",
             "https://docs.aws.amazon.com/global-accelerator/latest/dg/preserve-client-ip-address.html", "aws-page"),
            ("NAT gateways - Amazon Virtual Private Cloud (NAT gateway basics)",
             "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html", "aws-page"),
            ("AmazonEKSLoadBalancingPolicy - AWS Managed Policy",
             "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEKSLoadBalancingPolicy.html", "aws-page"),
        ]
        var out: [String: Source] = [:]
        for (title, url, kind) in entries { out[title] = Source(title: title, url: url, read: "2026-12-02", kind: kind) }
        return out
    }()

    /// The links for a rule's `reference`, in its order.
    public static func links(for reference: String) -> [Source] {
        reference.splitBytes(by: "; ").compactMap { links[String($0)] }
    }
}
