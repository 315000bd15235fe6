import EdgePlanCore

/// The AWS Load Balancer Controller serves Gateways only when the Gateway API CRDs and its own
/// gateway.k8s.aws CRDs are there when it starts, and a chart upgrade does not update CRDs.
struct GatewayControllerCRDsRule: CaveatRule {
    let id = "lbc-gateway-crds"
    let title = "The controller makes Gateway ALBs only if the right CRDs are there when it starts"
    let when = "the ALB is made by the AWS Load Balancer Controller from a Gateway (loadBalancerApi: gateway-api)"
    let reference = "AWS Load Balancer Controller - Gateway API (docs/guide/gateway/gateway.md); pkg/gateway/crddetect @ v3.5.0"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard case .controllerALB(let alb) = f.realization.entry, alb.api == .gatewayAPI, alb.maker == .loadBalancerController else { return nil }
        let l = f.limits
        return caveat(.warning,
            detail: "At start the controller checks for the Gateway API standard-channel CRDs (\(l.gatewayAPIVersion) here) and its own gateway.k8s.aws/v1 CRDs, and quietly turns its ALB Gateway support off when any is missing: the Gateway then never gets an ALB. helm upgrade does not update CRDs, so an upgrade can leave old ones behind with the same effect.",
            mitigation: "Install the Gateway API CRDs before the controller (the deploy guide does), apply the chart's gateway CRDs on every upgrade, and restart the controller after changing CRDs; alarm on a Gateway whose Programmed condition stays false.",
            on: "alb")
    }
}
