import EdgePlanCore

/// The building blocks every kind is made of, so each component is described once.
enum Parts {
    static func internet() -> Component {
        Component(id: "internet", kind: .internet, label: "Internet", scheme: .internet, owner: .aws)
    }

    static func waf(_ on: String) -> Component {
        Component(id: "waf", kind: .wafWebACL, label: "WAF web ACL", scheme: .awsManaged, owner: .cloudFormation,
                  notes: ["associated with \(on)"])
    }

    static func cloudFront() -> Component {
        Component(id: "cloudfront", kind: .cloudFront, label: "CloudFront", scheme: .awsManaged, owner: .cloudFormation, wafAttachable: true)
    }

    static func alb(_ scheme: Component.Scheme, owner: Component.Owner, _ c: OptionContext, notes: [String] = []) -> Component {
        Component(id: "alb", kind: .alb, label: "ALB", scheme: scheme, owner: owner,
                  subnetRole: scheme == .internetFacing ? .public : .internalELB,
                  addressesPerAZ: c.limits.albSubnetFreeAddresses, longestSubnetPrefix: c.limits.albSubnetLongestPrefix,
                  securityGroups: .supported, wafAttachable: true, notes: notes)
    }

    /// An internal ALB that CloudFormation makes, with the pods registered by a TargetGroupBinding.
    static func boundALB(_ c: OptionContext) -> Component {
        alb(.internal, owner: .cloudFormation, c, notes: ["created by CloudFormation; a TargetGroupBinding registers the pods"])
    }

    static func nlb(_ scheme: Component.Scheme, owner: Component.Owner, securityGroups: Component.SecurityGroups, _ c: OptionContext, notes: [String] = []) -> Component {
        Component(id: "nlb", kind: .nlb, label: "NLB", scheme: scheme, owner: owner,
                  subnetRole: scheme == .internetFacing ? .public : .internalELB,
                  addressesPerAZ: c.limits.nlbAddressesPerAZ, securityGroups: securityGroups, notes: notes)
    }

    static func interfaceEndpoint(_ c: OptionContext) -> Component {
        Component(id: "endpoint", kind: .interfaceEndpoint, label: "Interface endpoint", scheme: .internal, owner: .cloudFormation,
                  subnetRole: .endpoints, addressesPerAZ: c.limits.endpointENIsPerAZ, securityGroups: .supported,
                  notes: ["one ENI per AZ; its private address is fixed for the endpoint's life"])
    }

    static func endpointService() -> Component {
        Component(id: "endpoint-service", kind: .vpcEndpointService, label: "Endpoint service", scheme: .internal, owner: .cloudFormation,
                  notes: ["PrivateLink service on the NLB"])
    }

    static func apiGateway(_ api: Frontend.API) -> Component {
        switch api {
        case .rest: return Component(id: "api", kind: .apiGatewayREST, label: "API Gateway REST", scheme: .awsManaged, owner: .cloudFormation, wafAttachable: true)
        case .http: return Component(id: "api", kind: .apiGatewayHTTP, label: "API Gateway HTTP API", scheme: .awsManaged, owner: .cloudFormation)
        }
    }

    /// A REST API's VPC link (V1) reaches an NLB through PrivateLink, with no ENIs in the VPC; an
    /// HTTP API's (V2) has ENIs in the subnets it is given.
    static func vpcLink(_ c: OptionContext, v2: Bool) -> Component {
        v2
            ? Component(id: "vpc-link", kind: .vpcLink, label: "VPC link V2", scheme: .internal, owner: .cloudFormation,
                        subnetRole: .endpoints, addressesPerAZ: c.limits.endpointENIsPerAZ, securityGroups: .supported,
                        notes: ["ENIs in the endpoint subnets; subnets and security groups are fixed at creation"])
            : Component(id: "vpc-link", kind: .vpcLink, label: "VPC link V1", scheme: .awsManaged, owner: .cloudFormation,
                        notes: ["PrivateLink to the NLB; no ENIs in the VPC"])
    }

    static func vpcOrigin() -> Component {
        Component(id: "vpc-origin", kind: .cloudFrontVPCOrigin, label: "VPC origin", scheme: .awsManaged, owner: .cloudFormation,
                  notes: ["CloudFront's ENIs in the load balancer's private subnets"])
    }

    static func pods() -> Component {
        Component(id: "pods", kind: .pods, label: "Pods", scheme: .cluster, owner: .kubernetes)
    }

    /// Who makes an NLB from a Kubernetes Service in this cluster mode, and as what component owner.
    static func serviceNLBMaker(needsSecurityGroup: Bool, _ c: OptionContext) -> LoadBalancerMaker {
        switch c.clusterMode {
        case .auto: return .eksAutoMode
        case .standard: return needsSecurityGroup ? .loadBalancerController : .inTreeProvider
        }
    }

    /// Who makes an ALB from an Ingress or a Gateway in this cluster mode.
    static func controllerMaker(_ c: OptionContext) -> LoadBalancerMaker {
        switch c.clusterMode {
        case .auto: return .eksAutoMode
        case .standard: return .loadBalancerController
        }
    }

    /// Who registers the pods of a TargetGroupBinding in this cluster mode.
    static func bindingMaker(_ c: OptionContext) -> LoadBalancerMaker {
        switch c.clusterMode {
        case .auto: return .eksAutoMode
        case .standard: return .loadBalancerController
        }
    }

    static func owner(_ maker: LoadBalancerMaker) -> Component.Owner {
        switch maker {
        case .inTreeProvider: return .kubernetesInTree
        case .loadBalancerController: return .loadBalancerController
        case .eksAutoMode: return .eksAutoMode
        }
    }

    static func makerName(_ maker: LoadBalancerMaker) -> String {
        switch maker {
        case .inTreeProvider: return "Kubernetes"
        case .loadBalancerController: return "the AWS Load Balancer Controller"
        case .eksAutoMode: return "EKS Auto Mode"
        }
    }
}

/// The deploy style of the 2018 report's NLB options when the design does not choose one.
enum DeployStyles {
    /// Staggered (the report's own way) in a standard cluster; bound in EKS Auto Mode, whose
    /// controller tags the NLBs it makes with its own keys, which the discovery function does not look for.
    static func `default`(_ c: OptionContext) -> Frontend.DeployStyle {
        switch c.clusterMode {
        case .standard: return .staggered
        case .auto: return .bound
        }
    }
}
