/// How a planned option is built: the design's settings with its kind's defaults filled in, and the
/// facts that every emitter, diagram, cost and the deploy guide read from the plan instead of
/// working them out again (who makes each load balancer, how it reaches the pods, which router
/// sits between, whether the AWS Load Balancer Controller must run). The kind's description in
/// `EdgePlan/Topology/Kinds/` decides them, once.
public struct Realization: Sendable, Equatable {
    public var kind: FrontendKind
    public var clusterMode: ClusterMode
    /// The settings in effect.
    public var settings: FrontendSettings
    /// The in-cluster router and how the load balancer reaches it; nil when the load balancer
    /// targets the application pods themselves.
    public var router: RouterPlacement?
    /// How the last AWS load balancer on the path gets its targets.
    public var entry: ClusterEntry
    /// What the staggered deployment's discovery function must find (nil unless staggered).
    public var discovery: Discovery?
    /// The NLB's TLS listener, where the NLB itself ends TLS (nil: TCP listeners only).
    public var nlbTLS: NLBTLSListener?

    public init(kind: FrontendKind, clusterMode: ClusterMode, settings: FrontendSettings, router: RouterPlacement?,
                entry: ClusterEntry, discovery: Discovery?, nlbTLS: NLBTLSListener? = nil) {
        self.kind = kind
        self.clusterMode = clusterMode
        self.settings = settings
        self.router = router
        self.entry = entry
        self.discovery = discovery
        self.nlbTLS = nlbTLS
    }

    /// The Service whose pods the load balancer sends to: the router's, or the application's.
    public var backend: ServiceRef {
        router?.service ?? ServiceRef(namespace: ExampleApp.namespace, name: ExampleApp.name, port: ExampleApp.servicePort)
    }

    /// Whether the AWS Load Balancer Controller must run in a standard cluster: it makes the ALB,
    /// makes an NLB with a security group, or registers the pods of a TargetGroupBinding. EKS
    /// Auto Mode has its own controller and never needs it.
    public var needsLoadBalancerController: Bool {
        switch clusterMode {
        case .auto: return false
        case .standard:
            switch entry {
            case .loadBalancerService(let s): return s.maker == .loadBalancerController
            case .targetGroupBinding, .controllerALB: return true
            }
        }
    }

    /// Whether the option is deployed in two passes around a discovery function (the 2018 way).
    public var staggered: Bool { discovery != nil }
}

/// A design option's settings with the kind's defaults filled in. A setting is nil where the
/// kind has no such thing (a CloudFront option has no API type).
public struct FrontendSettings: Sendable, Equatable {
    public var api: Frontend.API?
    public var originProtection: Frontend.OriginProtection?
    public var origin: Frontend.VPCOriginTarget?
    /// Who makes the NLB of the 2018 report's options.
    public var deployStyle: Frontend.DeployStyle?
    public var router: Router
    public var loadBalancerAPI: LoadBalancerAPI?
    /// Whether the option carries a web ACL.
    public var waf: Bool
    public var acceptedRisks: [AcceptedRisk]
    /// API keys and the usage plan every key gets (REST APIs, when the design needs API keys).
    public var usagePlan: UsagePlan?

    public init(api: Frontend.API? = nil, originProtection: Frontend.OriginProtection? = nil, origin: Frontend.VPCOriginTarget? = nil,
                deployStyle: Frontend.DeployStyle? = nil, router: Router = .none, loadBalancerAPI: LoadBalancerAPI? = nil,
                waf: Bool = false, acceptedRisks: [AcceptedRisk] = [], usagePlan: UsagePlan? = nil) {
        self.usagePlan = usagePlan
        self.api = api
        self.originProtection = originProtection
        self.origin = origin
        self.deployStyle = deployStyle
        self.router = router
        self.loadBalancerAPI = loadBalancerAPI
        self.waf = waf
        self.acceptedRisks = acceptedRisks
    }
}

/// A Kubernetes Service by namespace and name, and the port the load balancer's targets are registered for.
public struct ServiceRef: Sendable, Equatable, Hashable {
    public var namespace: String
    public var name: String
    public var port: Int

    public init(namespace: String, name: String, port: Int) {
        self.namespace = namespace
        self.name = name
        self.port = port
    }

    /// `namespace/name`, as the in-tree provider writes it into the `kubernetes.io/service-name` tag.
    public var qualifiedName: String { "\(namespace)/\(name)" }
}

/// A TLS listener on the option's NLB: the NLB ends TLS with an ACM certificate for the origin
/// name `<originLabel>.<DomainName>` (the deployment's domain, a stack parameter), which is the
/// name CloudFront connects to (a Route 53 alias to the NLB), and sends plain TCP on to the router.
public struct NLBTLSListener: Sendable, Equatable {
    /// The listener's port.
    public var port: Int
    /// The certificate's and origin record's first label: `public-nlb` for `public-nlb.<DomainName>`.
    public var originLabel: String

    public init(port: Int, originLabel: String) {
        self.port = port
        self.originLabel = originLabel
    }
}

/// The router behind the load balancer: where its data-plane pods are and what they listen on.
public struct RouterPlacement: Sendable, Equatable {
    public var router: Router
    /// The data-plane Service, and its port that the load balancer sends to.
    public var service: ServiceRef
    /// The port the router's pods listen on for that Service port (IP targets are registered on it).
    public var containerPort: Int
    /// Whether TLS from the load balancer terminates at the router (TCP passthrough in front);
    /// false where the router gets plain HTTP (TLS ended in front, or none at all).
    public var terminatesTLS: Bool
    /// The pods' health endpoint, for the load balancer's health check.
    public var healthCheck: HealthCheck
    /// The HTTP hop in front ("the ALB", "CloudFront") whose X-Forwarded-For entry the router takes
    /// the client's address from; nil when no such hop can be trusted (none, or the router is also
    /// reachable around it).
    public var forwardedBy: String?

    public init(router: Router, service: ServiceRef, containerPort: Int, terminatesTLS: Bool, healthCheck: HealthCheck, forwardedBy: String? = nil) {
        self.router = router
        self.service = service
        self.containerPort = containerPort
        self.terminatesTLS = terminatesTLS
        self.healthCheck = healthCheck
        self.forwardedBy = forwardedBy
    }
}

public struct HealthCheck: Sendable, Equatable {
    public var port: Int
    public var path: String

    public init(port: Int, path: String) {
        self.port = port
        self.path = path
    }
}

/// Who makes a load balancer from Kubernetes objects.
public enum LoadBalancerMaker: String, Sendable, Equatable, CaseIterable, Codable {
    /// The in-tree Kubernetes cloud provider (`service.beta.kubernetes.io/aws-load-balancer-type: nlb`, the 2018 way).
    case inTreeProvider = "in-tree-provider"
    /// The AWS Load Balancer Controller.
    case loadBalancerController = "aws-load-balancer-controller"
    /// EKS Auto Mode's built-in load balancing.
    case eksAutoMode = "eks-auto-mode"
}

/// How the last AWS load balancer on an option's path gets its targets.
public enum ClusterEntry: Sendable, Equatable {
    /// A Service of type LoadBalancer makes the NLB, and its endpoints are the targets (the
    /// staggered deployment).
    case loadBalancerService(ServiceLoadBalancer)
    /// CloudFormation made the load balancer and its target group; a TargetGroupBinding registers
    /// the backend Service's pods in it.
    case targetGroupBinding(BoundTargetGroup)
    /// A controller makes the ALB from Kubernetes objects and targets the pods by IP.
    case controllerALB(ControllerALB)
}

public struct ServiceLoadBalancer: Sendable, Equatable {
    public var maker: LoadBalancerMaker
    public var internetFacing: Bool
    /// Whether the NLB is made with a security group from the option's stack.
    public var securityGroup: Bool

    public init(maker: LoadBalancerMaker, internetFacing: Bool, securityGroup: Bool) {
        self.maker = maker
        self.internetFacing = internetFacing
        self.securityGroup = securityGroup
    }
}

public struct BoundTargetGroup: Sendable, Equatable {
    public enum LoadBalancer: String, Sendable, Equatable { case alb, nlb }
    public var loadBalancer: LoadBalancer
    /// Who fills the binding: the AWS Load Balancer Controller, or EKS Auto Mode's controller.
    public var maker: LoadBalancerMaker

    public init(loadBalancer: LoadBalancer, maker: LoadBalancerMaker) {
        self.loadBalancer = loadBalancer
        self.maker = maker
    }
}

public struct ControllerALB: Sendable, Equatable {
    public var maker: LoadBalancerMaker
    public var api: LoadBalancerAPI
    public var internetFacing: Bool

    public init(maker: LoadBalancerMaker, api: LoadBalancerAPI, internetFacing: Bool) {
        self.maker = maker
        self.api = api
        self.internetFacing = internetFacing
    }
}

/// What the discovery function of the staggered deployment looks for, and what the frontend stack
/// reads back from SSM.
public struct Discovery: Sendable, Equatable {
    public enum Reads: String, Sendable, Equatable {
        /// The NLB's ARN (endpoint service, REST VPC link, CloudFront by DNS name).
        case nlbArn = "nlb-arn"
        /// The NLB's port-80 listener ARN (an HTTP API's VPC link integration).
        case listenerArn = "listener-arn"
    }

    public var internetFacing: Bool
    public var reads: Reads
    /// The Service whose NLB it is: the value of its `kubernetes.io/service-name` tag.
    public var service: ServiceRef

    public init(internetFacing: Bool, reads: Reads, service: ServiceRef) {
        self.internetFacing = internetFacing
        self.reads = reads
        self.service = service
    }
}

/// The small workload every emitted option routes to, so a deployment has something to answer:
/// one place for its names and ports, shared by the graph and the manifests.
public enum ExampleApp {
    public static let namespace = "default"
    public static let name = "example-app"
    /// The Service's port and the pods' port.
    public static let servicePort = 80
    public static let podPort = 8080
}

/// What an API key may do: API Gateway throttles each key to `ratePerSecond` (a token bucket of
/// `burst`) and, with a quota, stops it after `quota` requests a `quotaPeriod`.
public struct UsagePlan: Sendable, Equatable {
    public enum Period: String, Sendable, Equatable, CaseIterable, Codable {
        case day = "DAY", week = "WEEK", month = "MONTH"
    }

    public var ratePerSecond: Int
    public var burst: Int
    public var quota: Int?
    public var quotaPeriod: Period

    /// edgeplan's defaults, stated in the README: 100 requests a second per key with bursts of 200,
    /// no quota. They are choices, not AWS limits (a stage's own default limit is far higher).
    public static let standard = UsagePlan(ratePerSecond: 100, burst: 200, quota: nil, quotaPeriod: .month)

    public init(ratePerSecond: Int, burst: Int, quota: Int?, quotaPeriod: Period) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.quota = quota
        self.quotaPeriod = quotaPeriod
    }
}
