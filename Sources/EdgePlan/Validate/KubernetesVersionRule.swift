import EdgePlanCore

/// `kubernetesVersion` must be one EKS offers new clusters (standard or extended support on the
/// calendar's day); one in extended support is a warning, since its control plane costs more and
/// the version is close to its end.
struct KubernetesVersionRule: DesignRule {
    let id = "kubernetes-version"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        guard let asked = design.kubernetesVersion else { return [] }
        let calendar = reference.eksVersions
        let offered = calendar.available.map(\.version).joined(separator: ", ")
        guard let version = calendar.version(asked) else {
            return [.error("kubernetesVersion", "EKS has no Kubernetes \(asked) in edgeplan's calendar (read \(calendar.asOf)); new clusters can use \(offered)")]
        }
        switch version.support(on: calendar.asOf) {
        case .standard:
            return []
        case .extended:
            return [.warning("kubernetesVersion", "Kubernetes \(asked) left EKS standard support on \(version.standardSupportEnds): in extended support until \(version.extendedSupportEnds), its control plane is billed at the extended-support price (the cost's eks line), and EKS upgrades it when extended support ends; use \(calendar.newestInStandardSupport?.version ?? offered)")]
        case .ended:
            return [.error("kubernetesVersion", "Kubernetes \(asked) left EKS extended support on \(version.extendedSupportEnds): EKS no longer creates clusters with it; use one of \(offered)")]
        case .unreleased:
            return [.error("kubernetesVersion", "Kubernetes \(asked) reaches EKS on \(version.released), after \(calendar.asOf), the day edgeplan's calendar was read; use one of \(offered)")]
        }
    }
}
