import EdgePlanCore

/// The AWS Load Balancer Controller (v2.5 and later) claims every new LoadBalancer Service through
/// a mutating webhook, so a Service written for the in-tree provider is reconciled by the
/// controller instead: its in-tree annotations are ignored and its NLB comes out internal.
struct ServiceMutatorWebhookRule: CaveatRule {
    let id = "lbc-service-webhook"
    let title = "With the AWS Load Balancer Controller installed, it takes over the in-tree Service"
    let when = "the option's NLB is made by the in-tree provider (deployStyle: staggered)"
    let reference = "AWS Load Balancer Controller installation (kubernetes-sigs.github.io); AWS Load Balancer Controller - Network Load Balancer"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard let nlb = f.nlb, nlb.owner == .kubernetesInTree else { return nil }
        let effect = nlb.scheme == .internetFacing
            ? "the controller makes an internal NLB by default, so CloudFront's public origin never appears"
            : "the controller's NLB carries its own tags, not kubernetes.io/service-name, so the discovery function does not find it"
        return caveat(.warning,
            detail: "From v2.5 the AWS Load Balancer Controller sets spec.loadBalancerClass on every new LoadBalancer Service through a mutating webhook, which makes it the Service's controller: the in-tree annotations this option relies on are ignored and \(effect).",
            mitigation: "If the controller runs in the cluster, install it with enableServiceMutatorWebhook=false (Helm value) before creating \(f.serviceOwner)'s Service, or use deployStyle: bound, which needs the controller anyway.")
    }
}
