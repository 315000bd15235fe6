import EdgePlanCore

/// Each in-cluster router, described once: its component in the graph and where its data-plane
/// pods are. Exhaustive switches: a new router does not compile until it is described here.
enum Routers {
    /// The router's data-plane Service for a Gateway or controller edgeplan sets up.
    static func service(_ router: Router, port: Int) -> ServiceRef? {
        switch router {
        case .envoyGateway:
            // Envoy Gateway makes the data-plane Service in its own namespace (ControllerNamespace
            // mode), named by the EnvoyProxy's envoyService.name.
            return ServiceRef(namespace: "envoy-gateway-system", name: "edgeplan-gateway", port: port)
        case .ingressNginx:
            return ServiceRef(namespace: "ingress-nginx", name: "ingress-nginx", port: port)
        case .none:
            return nil
        }
    }

    /// Where the router listens for `port`, and how the load balancer checks it.
    static func placement(_ router: Router, port: Int, terminatesTLS: Bool, _ l: AWSLimits) -> RouterPlacement? {
        guard let service = service(router, port: port) else { return nil }
        switch router {
        case .envoyGateway:
            // Listener ports below 1024 are served on port + offset inside the pod (unprivileged).
            let container = port < 1024 ? port + l.envoyGatewayPrivilegedPortOffset : port
            return RouterPlacement(router: router, service: service, containerPort: container, terminatesTLS: terminatesTLS,
                                   healthCheck: HealthCheck(port: l.envoyGatewayReadinessPort, path: l.envoyGatewayReadinessPath))
        case .ingressNginx:
            // The chart's pods serve plain HTTP on their http port (80) and TLS on https (443),
            // whichever Service port the load balancer sends to.
            return RouterPlacement(router: router, service: service, containerPort: terminatesTLS ? 443 : 80, terminatesTLS: terminatesTLS,
                                   healthCheck: HealthCheck(port: l.ingressNginxHealthPort, path: l.ingressNginxHealthPath))
        case .none:
            return nil
        }
    }

    static func component(_ router: Router, _ l: AWSLimits) -> Component? {
        switch router {
        case .envoyGateway:
            return Component(id: "envoy-gateway", kind: .envoyGateway, label: "Envoy Gateway", scheme: .cluster, owner: .kubernetes,
                             notes: ["Gateway API implementation: a Gateway and HTTPRoutes route to the application's Services"])
        case .ingressNginx:
            return Component(id: "ingress-nginx", kind: .ingressNginx, label: "ingress-nginx", scheme: .cluster, owner: .kubernetes,
                             notes: ["retired: no releases, bug fixes or security fixes since \(l.ingressNginxEndOfMaintenance)"])
        case .none:
            return nil
        }
    }

    /// What an NLB sits in front of, for summaries: "ingress-nginx", "Envoy Gateway", "the pods".
    static func inFrontOf(_ router: Router) -> String { router.displayName ?? "the pods" }

    /// "the Envoy Gateway pods", "the ingress-nginx pods", "the application pods".
    static func podsName(_ router: Router) -> String {
        switch router {
        case .envoyGateway: return "the Envoy Gateway pods"
        case .ingressNginx: return "the ingress-nginx pods"
        case .none: return "the application pods"
        }
    }
}

/// The in-cluster end of an option whose last AWS hop is an NLB: the NLB (made by Kubernetes from
/// a Service in the staggered style, or by CloudFormation with a TargetGroupBinding in the bound
/// style), the router behind it if any, and the pods.
struct NLBIntoCluster {
    var scheme: Component.Scheme
    /// The NLB listener's port, which the router's Service exposes.
    var port: Int
    /// Whether TLS passes through the NLB and terminates at the router.
    var terminatesTLSAtRouter: Bool
    /// The NLB's TLS listener where the NLB itself ends TLS and sends plain HTTP to the router.
    var tlsAtNLB: NLBTLSListener?
    /// An NLB made from a Service needs a security group from the stack (the CloudFront prefix list).
    var needsSecurityGroup = false
    /// What the frontend stack reads back from the discovery function in the staggered style.
    var reads: Discovery.Reads = .nlbArn
    /// The HTTP hop in front whose X-Forwarded-For entry the router may trust (nil: none).
    var forwardedBy: String?

    struct Result {
        var components: [Component]
        var edges: [Edge]
        var router: RouterPlacement?
        var entry: ClusterEntry
        var discovery: Discovery?
    }

    func build(_ s: FrontendSettings, _ c: OptionContext) -> Result {
        var placement = Routers.placement(s.router, port: port, terminatesTLS: terminatesTLSAtRouter, c.limits)
        placement?.forwardedBy = forwardedBy
        let backend = placement?.service ?? ServiceRef(namespace: ExampleApp.namespace, name: ExampleApp.name, port: ExampleApp.servicePort)
        let targets = Routers.podsName(s.router)
        let nlb: Component
        let entry: ClusterEntry
        var discovery: Discovery?
        // Which AZs the NLB's traffic reaches: the stack turns cross-zone load balancing on for the
        // NLB it makes; a Service's NLB keeps the default (off), and the in-tree provider's
        // instance targets hand each connection to kube-proxy, which picks a pod on any node.
        let crossing: CrossAZ?
        switch s.deployStyle ?? .bound {
        case .bound:
            crossing = .nlbCrossZone
            nlb = Parts.nlb(scheme, owner: .cloudFormation, securityGroups: .attachedAtCreation, c,
                            notes: ["created by CloudFormation; a TargetGroupBinding registers \(targets)"])
            entry = .targetGroupBinding(BoundTargetGroup(loadBalancer: .nlb, maker: Parts.bindingMaker(c)))
        case .staggered:
            let maker = Parts.serviceNLBMaker(needsSecurityGroup: needsSecurityGroup, c)
            crossing = maker == .inTreeProvider ? .kubeProxy : nil
            let groups: Component.SecurityGroups = maker == .inTreeProvider ? .neverAttached : .attachedAtCreation
            let how: String
            switch maker {
            case .inTreeProvider: how = " (aws-load-balancer-type: nlb)"
            case .loadBalancerController: how = ", with a security group"
            case .eksAutoMode: how = " (loadBalancerClass eks.amazonaws.com/nlb), with a security group"
            }
            nlb = Parts.nlb(scheme, owner: Parts.owner(maker), securityGroups: groups, c,
                            notes: ["created by \(Parts.makerName(maker)) from the \(backend.name) Service\(how)"])
            entry = .loadBalancerService(ServiceLoadBalancer(maker: maker, internetFacing: scheme == .internetFacing, securityGroup: needsSecurityGroup))
            discovery = Discovery(internetFacing: scheme == .internetFacing, reads: reads, service: backend)
        }
        var components = [nlb]
        var edges: [Edge] = []
        if let placement, let router = Routers.component(s.router, c.limits) {
            components.append(router)
            let tls: Edge.TLS = terminatesTLSAtRouter ? .terminates : .none
            let note = terminatesTLSAtRouter ? "TLS terminates at \(router.label)" : tlsAtNLB.map { _ in "plain HTTP: TLS ended at the NLB" }
            let listens = placement.containerPort == port ? note : [note, "pods listen on \(placement.containerPort)"].compactMap { $0 }.joined(separator: "; ")
            edges.append(Edge("nlb", router.id, "TCP", placement.containerPort, tls: tls, hop: .private, note: listens, crossesAZs: crossing))
            edges.append(Edge(router.id, "pods", "HTTP", ExampleApp.podPort, tls: .none, hop: .private, crossesAZs: .clusterRouting))
        } else {
            edges.append(Edge("nlb", "pods", "TCP", ExampleApp.podPort, tls: .none, hop: .private, note: crossing == .kubeProxy ? "instance targets: each node's port, kube-proxy to the pods" : "IP targets: pod addresses", crossesAZs: crossing))
        }
        components.append(Parts.pods())
        return Result(components: components, edges: edges, router: placement, entry: entry, discovery: discovery)
    }
}
