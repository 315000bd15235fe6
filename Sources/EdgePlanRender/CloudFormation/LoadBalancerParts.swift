import EdgePlanCore

/// Security groups, load balancers, target groups and listeners as the frontend stacks use them,
/// each hardened the same way (TLS 1.2+ policy, HTTP redirected to HTTPS, invalid headers dropped,
/// every rule described).
enum LoadBalancerParts {
    /// Where a security group rule lets traffic in from (or out to).
    enum Peer {
        case cidr(JSONValue)
        case prefixList(JSONValue)
        case group(JSONValue)
        static let anywhere = Peer.cidr("0.0.0.0/0")
        static let vpc = Peer.cidr(Fn.imported("NetworkStack", "VpcCidr"))
    }

    /// Egress rules to pods on `port`: the VPC block, and each pod block when pods have their own
    /// (custom networking puts their addresses there, outside the VPC's primary block).
    static func toPods(_ c: FrontendContext, _ port: Int, _ description: String) -> [JSONValue] {
        [rule(port, .vpc, description, egress: true)]
            + c.plan.vpc.secondaryCidrs.map { rule(port, .cidr(.string($0.description)), "\(description), in the pod block", egress: true) }
    }

    static func rule(_ port: Int, _ peer: Peer, _ description: String, egress: Bool = false) -> JSONValue {
        var fields: [(String, JSONValue)] = [("Description", .string(description)), ("IpProtocol", "tcp"), ("FromPort", .int(port)), ("ToPort", .int(port))]
        switch peer {
        case .cidr(let v): fields.append(("CidrIp", v))
        case .prefixList(let v): fields.append((egress ? "DestinationPrefixListId" : "SourcePrefixListId", v))
        case .group(let v): fields.append((egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId", v))
        }
        return .object(fields)
    }

    static func securityGroup(
        _ t: inout CloudFormationTemplate, _ id: String, _ description: String, ingress: [JSONValue], egress: [JSONValue],
        condition: String?, suppress: [Suppression] = []
    ) {
        t.resource(id, "AWS::EC2::SecurityGroup", [
            "GroupDescription": .string(description),
            "VpcId": Fn.imported("NetworkStack", "VpcId"),
            "SecurityGroupIngress": .array(ingress),
            "SecurityGroupEgress": .array(egress),
            "Tags": Fn.tags([("Name", Fn.sub("${AWS::StackName}-\(id)"))]),
        ], condition: condition, suppress: suppress)
    }

    static func subnets(_ role: SubnetRole) -> JSONValue { Fn.importedList("NetworkStack", role.exportName) }

    /// An Application Load Balancer (the option's stack associates a web ACL where it carries one).
    static func alb(_ t: inout CloudFormationTemplate, _ id: String, internetFacing: Bool, securityGroup: String, condition: String?) {
        let suppress: [Suppression] = [
            .checkov("CKV_AWS_91", "Access logs need an S3 bucket whose policy admits the ELB log delivery service; set access_logs.s3.enabled and access_logs.s3.bucket once the account's log bucket exists."),
        ]
        t.resource(id, "AWS::ElasticLoadBalancingV2::LoadBalancer", [
            "Type": "application",
            "Scheme": internetFacing ? "internet-facing" : "internal",
            "Subnets": subnets(internetFacing ? .public : .internalELB),
            "SecurityGroups": [Fn.ref(securityGroup)],
            "LoadBalancerAttributes": [
                ["Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"],
                ["Key": "routing.http.desync_mitigation_mode", "Value": "defensive"],
            ],
        ], condition: condition, suppress: suppress)
    }

    static let tlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06"

    /// The ACM certificate for the origin name, where an NLB's TLS listener ends TLS.
    static let originCertificate = "OriginCertificate"

    /// A public ACM certificate for `<label>.<DomainName>` (the origin name CloudFront connects to),
    /// validated by DNS: CloudFormation writes the validation record into `HostedZoneId` and waits
    /// until ACM has issued it; ACM renews it while the record stays ("AWS::CertificateManager::Certificate",
    /// CloudFormation User Guide; "DNS validation", AWS Certificate Manager User Guide).
    static func originCertificate(_ t: inout CloudFormationTemplate, _ tls: NLBTLSListener) {
        let name = Fn.sub("\(tls.originLabel).${DomainName}")
        t.resource(originCertificate, "AWS::CertificateManager::Certificate", [
            "DomainName": name,
            "ValidationMethod": "DNS",
            "DomainValidationOptions": [["DomainName": name, "HostedZoneId": Fn.ref("HostedZoneId")]],
            "CertificateTransparencyLoggingPreference": "ENABLED",
            "Tags": Fn.tags([("Name", Fn.sub("${AWS::StackName}-\(originCertificate)"))]),
        ])
        t.output("OriginCertificateArn", Fn.ref(originCertificate), description: "ACM certificate for \(tls.originLabel).<DomainName>, on the ingress NLB's TLS listener")
    }

    static func httpsListener(_ t: inout CloudFormationTemplate, _ id: String, loadBalancer: String, certificate: JSONValue, targetGroup: String, condition: String?) {
        t.resource(id, "AWS::ElasticLoadBalancingV2::Listener", [
            "LoadBalancerArn": Fn.ref(loadBalancer),
            "Protocol": "HTTPS",
            "Port": 443,
            "SslPolicy": .string(tlsPolicy),
            "Certificates": [["CertificateArn": certificate]],
            "DefaultActions": [["Type": "forward", "TargetGroupArn": Fn.ref(targetGroup)]],
        ], condition: condition)
    }

    static func redirectListener(_ t: inout CloudFormationTemplate, _ id: String, loadBalancer: String, condition: String?) {
        t.resource(id, "AWS::ElasticLoadBalancingV2::Listener", [
            "LoadBalancerArn": Fn.ref(loadBalancer),
            "Protocol": "HTTP",
            "Port": 80,
            "DefaultActions": [[
                "Type": "redirect",
                "RedirectConfig": ["Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"],
            ]],
        ], condition: condition)
    }

    /// The HTTP target group of pod IPs on the example app's port, which a TargetGroupBinding fills.
    static func appTargetGroup(_ t: inout CloudFormationTemplate, _ c: FrontendContext, _ id: String = "AppTargetGroup", condition: String? = nil) {
        var group: [(String, JSONValue)] = [
            ("TargetType", "ip"),
            ("Protocol", "HTTP"),
            ("Port", .int(ExampleApp.podPort)),
            ("VpcId", Fn.imported("NetworkStack", "VpcId")),
            ("HealthCheckProtocol", "HTTP"),
            ("HealthCheckPath", "/"),
            ("Matcher", ["HttpCode": "200-399"]),
            ("TargetGroupAttributes", [["Key": "deregistration_delay.timeout_seconds", "Value": "30"]]),
        ]
        group += bindingTags(c)
        t.resource(id, "AWS::ElasticLoadBalancingV2::TargetGroup", .object(group), condition: condition)
    }

    /// The tag a target group needs for the controller that fills its TargetGroupBinding: the AWS
    /// Load Balancer Controller's role registers targets only in target groups with edgeplan's
    /// cluster tag; EKS Auto Mode's managed policy (AmazonEKSLoadBalancingPolicy) acts on
    /// load-balancing resources tagged with the cluster's name (caveat auto-mode-target-group-binding).
    static func bindingTags(_ c: FrontendContext) -> [(String, JSONValue)] {
        guard case .targetGroupBinding(let b) = c.realization.entry else { return [] }
        let key: String
        switch b.maker {
        case .eksAutoMode: key = "eks:eks-cluster-name"
        case .loadBalancerController, .inTreeProvider: key = DeploymentNames.bindingTag
        }
        return [("Tags", [["Key": .string(key), "Value": .string(c.plan.design.cluster)]])]
    }

    /// "the ingress-nginx pods", "the Envoy Gateway pods", "the application pods".
    static func targetPods(_ c: FrontendContext) -> String {
        c.realization.router?.router.displayName.map { "the \($0) pods" } ?? "the application pods"
    }

    /// A load balancer's security group rules out to the pods it targets: their port, and their
    /// health endpoint where it is another port.
    static func egressToTargets(_ c: FrontendContext) -> [JSONValue] {
        let targets = c.realization.router
        let podPort = targets?.containerPort ?? ExampleApp.podPort
        var egress = toPods(c, podPort, "To \(targetPods(c))")
        if let health = targets?.healthCheck, health.port != podPort {
            egress += toPods(c, health.port, "Health checks of \(targetPods(c))")
        }
        return egress
    }

    /// A Network Load Balancer made by CloudFormation in front of the option's router or pods (the
    /// bound deploy style), with a security group from the start (NLBs can only get one at
    /// creation), an ip target group that a TargetGroupBinding fills with the router's pods, and
    /// the router's health endpoint as health check.
    static func ingressNLB(
        _ t: inout CloudFormationTemplate, _ c: FrontendContext, internetFacing: Bool, port: Int, from peers: [Peer], privateLinkConsumers: Bool
    ) {
        let targets = c.realization.router
        let podPort = targets?.containerPort ?? ExampleApp.podPort
        let name = targets?.router.displayName ?? "the application"
        let what = targetPods(c)
        securityGroup(&t, "IngressNlbSecurityGroup", "Ingress NLB: port \(port) in, to \(what) out",
                      ingress: peers.map { rule(port, $0, "Clients of the ingress NLB") },
                      egress: egressToTargets(c), condition: nil)
        let attributes: [JSONValue] = [["Key": "load_balancing.cross_zone.enabled", "Value": "true"]]
        var nlb: [(String, JSONValue)] = [
            ("Type", "network"),
            ("Scheme", internetFacing ? "internet-facing" : "internal"),
            ("Subnets", subnets(internetFacing ? .public : .internalELB)),
            ("SecurityGroups", [Fn.ref("IngressNlbSecurityGroup")]),
            ("LoadBalancerAttributes", .array(attributes)),
        ]
        if privateLinkConsumers {
            // PrivateLink (endpoint service, REST VPC link) traffic is not matched against the inbound rules.
            nlb.append(("EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic", "off"))
        }
        let tls = c.realization.nlbTLS
        t.resource("IngressNlb", "AWS::ElasticLoadBalancingV2::LoadBalancer", .object(nlb), suppress: [
            tls == nil ? .checkov("CKV_AWS_91", "NLB access logs record TLS listeners only; this NLB forwards TCP to \(name), which logs every request.")
                : .checkov("CKV_AWS_91", "Access logs need an S3 bucket whose policy admits the ELB log delivery service; set access_logs.s3.enabled and access_logs.s3.bucket once the account's log bucket exists."),
        ])
        var group: [(String, JSONValue)] = [
            ("TargetType", "ip"),
            ("Protocol", "TCP"),
            ("Port", .int(podPort)),
            ("VpcId", Fn.imported("NetworkStack", "VpcId")),
        ]
        if let health = targets?.healthCheck {
            group += [("HealthCheckProtocol", "HTTP"), ("HealthCheckPort", .string(String(health.port))), ("HealthCheckPath", .string(health.path))]
        } else {
            group += [("HealthCheckProtocol", "HTTP"), ("HealthCheckPath", "/")]
        }
        group.append(("TargetGroupAttributes", [["Key": "deregistration_delay.timeout_seconds", "Value": "30"]]))
        group += bindingTags(c)
        t.resource("IngressTargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup", .object(group))
        var listener: [(String, JSONValue)] = [("LoadBalancerArn", Fn.ref("IngressNlb"))]
        if let tls {
            // The NLB ends TLS with the origin certificate and sends plain TCP on to the targets.
            listener += [("Protocol", "TLS"), ("Port", .int(tls.port)), ("SslPolicy", .string(tlsPolicy)),
                         ("Certificates", [["CertificateArn": Fn.ref(originCertificate)]])]
        } else {
            listener += [("Protocol", "TCP"), ("Port", .int(port))]
        }
        listener.append(("DefaultActions", [["Type": "forward", "TargetGroupArn": Fn.ref("IngressTargetGroup")]]))
        t.resource("IngressListener", "AWS::ElasticLoadBalancingV2::Listener", .object(listener))
        t.output("IngressTargetGroupArn", Fn.ref("IngressTargetGroup"), description: "Target group the \(name) TargetGroupBinding fills", export: true)
        t.output("IngressNlbSecurityGroupId", Fn.ref("IngressNlbSecurityGroup"), description: "The NLB's security group, which the TargetGroupBinding admits to the pods", export: true)
        t.output("IngressNlbDnsName", Fn.getAtt("IngressNlb", "DNSName"), description: "The ingress NLB's DNS name", export: true)
    }

}
