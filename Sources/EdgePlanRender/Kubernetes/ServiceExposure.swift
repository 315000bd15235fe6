import EdgePlanCore

/// How a router's (or the application's) Service gets its load balancer, read from the option's
/// entry into the cluster: the annotations a LoadBalancer Service needs, or none when it stays in
/// the cluster for a TargetGroupBinding.
enum ServiceExposure {
    /// The in-tree cloud provider makes an NLB (the 2018 report's annotations).
    case inTree(internal: Bool)
    /// The AWS Load Balancer Controller makes an NLB with IP targets (and the given security group).
    case controller(internetFacing: Bool, securityGroup: JSONValue?)
    /// EKS Auto Mode makes an NLB (always with a security group of its own) for the Service's
    /// loadBalancerClass; only the annotations Auto Mode supports.
    case autoMode(internetFacing: Bool, loadBalancerClass: String)
    /// CloudFormation made the NLB; a TargetGroupBinding registers the pods, so the Service stays inside the cluster.
    case bound

    init(_ entry: ClusterEntry, software: Software, securityGroup: () -> JSONValue) {
        switch entry {
        case .loadBalancerService(let s):
            switch s.maker {
            case .inTreeProvider: self = .inTree(internal: !s.internetFacing)
            case .loadBalancerController:
                self = .controller(internetFacing: s.internetFacing, securityGroup: s.securityGroup ? securityGroup() : nil)
            case .eksAutoMode: self = .autoMode(internetFacing: s.internetFacing, loadBalancerClass: software.autoModeLoadBalancerClass)
            }
        case .targetGroupBinding, .controllerALB:
            self = .bound
        }
    }

    var serviceType: String {
        switch self {
        case .inTree, .controller, .autoMode: return "LoadBalancer"
        case .bound: return "ClusterIP"
        }
    }

    /// The Service's spec.loadBalancerClass, where one picks the controller.
    var loadBalancerClass: String? {
        switch self {
        case .autoMode(_, let c): return c
        case .inTree, .controller, .bound: return nil
        }
    }

    /// A TLS listener the NLB ends TLS on: its port and the ACM certificate's ARN.
    struct ListenerTLS {
        var port: Int
        var certificate: JSONValue
    }

    /// The annotations that make the NLB's listener on `tls.port` a TLS listener with the
    /// certificate, sending plain TCP to the pods (no backend-protocol: TCP is the default). The
    /// in-tree provider ("The Service Controller", cloud-provider-aws) and the AWS Load Balancer
    /// Controller ("Annotations", Service) read all three; EKS Auto Mode documents ssl-cert and
    /// ssl-ports ("Use Service Annotations to configure Network Load Balancers", EKS User Guide).
    private func tlsAnnotations(_ tls: ListenerTLS?) -> [(String, JSONValue)] {
        guard let tls else { return [] }
        var a: [(String, JSONValue)] = [
            ("service.beta.kubernetes.io/aws-load-balancer-ssl-cert", tls.certificate),
            ("service.beta.kubernetes.io/aws-load-balancer-ssl-ports", .string(String(tls.port))),
        ]
        switch self {
        case .inTree, .controller:
            a.append(("service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy", .string(LoadBalancerParts.tlsPolicy)))
        case .autoMode, .bound:
            break
        }
        return a
    }

    /// The Service's annotations; `service` is written into the NLB's `kubernetes.io/service-name`
    /// tag, which the in-tree provider sets itself and the discovery function looks for; `health`
    /// is the router's health endpoint, which a controller's target group checks; `tls` a TLS
    /// listener the NLB ends TLS on.
    func annotations(service: ServiceRef, health: HealthCheck?, tls: ListenerTLS? = nil) -> [(String, JSONValue)] {
        guard case .bound = self else { return baseAnnotations(service: service, health: health) + tlsAnnotations(tls) }
        return []
    }

    private func baseAnnotations(service: ServiceRef, health: HealthCheck?) -> [(String, JSONValue)] {
        let checks: [(String, JSONValue)] = health.map { h in [
            ("service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol", "http"),
            ("service.beta.kubernetes.io/aws-load-balancer-healthcheck-port", .string(String(h.port))),
            ("service.beta.kubernetes.io/aws-load-balancer-healthcheck-path", .string(h.path)),
        ] } ?? []
        switch self {
        case .inTree(let isInternal):
            var a: [(String, JSONValue)] = [("service.beta.kubernetes.io/aws-load-balancer-type", "nlb")]
            if isInternal { a.append(("service.beta.kubernetes.io/aws-load-balancer-internal", "true")) }
            return a
        case .controller(let internetFacing, let securityGroup):
            var a: [(String, JSONValue)] = [
                ("service.beta.kubernetes.io/aws-load-balancer-type", "external"),
                ("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "ip"),
                ("service.beta.kubernetes.io/aws-load-balancer-scheme", internetFacing ? "internet-facing" : "internal"),
            ]
            if let securityGroup {
                a += [
                    ("service.beta.kubernetes.io/aws-load-balancer-security-groups", securityGroup),
                    ("service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules", "true"),
                ]
            }
            a += checks
            a.append(("service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags", .string("kubernetes.io/service-name=\(service.qualifiedName)")))
            return a
        case .autoMode(let internetFacing, _):
            // No additional-resource-tags: Auto Mode needs an extra cluster-role policy for custom
            // tags; the discovery function finds its NLBs by the tags Auto Mode sets itself.
            return [
                ("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "ip"),
                ("service.beta.kubernetes.io/aws-load-balancer-scheme", internetFacing ? "internet-facing" : "internal"),
            ] + checks
        case .bound:
            return []
        }
    }
}
