import EdgePlanCore

/// With `natGateways: none` the nodes reach nothing outside the VPC but the AWS services of its
/// endpoints (EKS "Deploy private clusters with limited internet access": the cluster must pull
/// images from a registry in the VPC), so every chart and image the guide installs is first copied
/// into ECR, from a machine that has internet access, and installed from there.
extension DeployGuide {
    /// Whether the cluster has no route to the internet, so that charts and images come from ECR.
    var mirrored: Bool { plan.vpc.natGateways == .none }

    /// The ECR repository prefix the mirror step fills: `<account>.dkr.ecr.<region>.amazonaws.com/<name>-mirror`.
    var mirrorPrefix: String { "\(plan.design.name)-mirror" }

    /// A chart as the install command names it: its public source, or its copy in the mirror.
    func chart(_ publicRef: String, mirroredAs name: String) -> String {
        mirrored ? "oci://$EDGEPLAN_MIRROR/charts/\(name)" : publicRef
    }

    /// The Gateway API CRDs: fetched from GitHub, or applied from the copy the mirror step downloaded.
    var gatewayAPICRDsFile: String { "gateway-api-\(plan.software.gatewayAPIVersion)-standard-install.yaml" }

    /// The image the example application's manifests name.
    static let exampleAppImage = ExampleAppManifests.image

    /// The mirror step of one option: what it installs, copied into ECR with `helm push` (charts, as
    /// OCI artifacts) and `crane copy` (every image the charts render, digests unchanged).
    func mirrorStep(_ c: FrontendContext) -> String? {
        guard mirrored else { return nil }
        let region = plan.design.region
        let sw = plan.software
        var pulls: [String] = []
        var pushes: [String] = []
        if c.needsLoadBalancerController {
            pulls.append("helm pull aws-load-balancer-controller --repo https://aws.github.io/eks-charts --version \(sw.loadBalancerControllerChartVersion)")
            pushes.append("mirror_chart aws-load-balancer-controller-\(sw.loadBalancerControllerChartVersion).tgz aws-load-balancer-controller --set clusterName=\(plan.design.cluster)")
        }
        var gatewayAPI = false
        if case .controllerALB(let alb) = c.realization.entry, alb.api == .gatewayAPI { gatewayAPI = true }
        switch c.realization.router?.router ?? Router.none {
        case .ingressNginx:
            pulls.append("helm pull ingress-nginx --repo https://kubernetes.github.io/ingress-nginx")
            pushes.append("mirror_chart ingress-nginx-*.tgz ingress-nginx --set controller.service.enabled=false")
        case .envoyGateway:
            gatewayAPI = true
            pulls.append("helm pull \(sw.envoyGatewayCRDsChart) --version \(sw.envoyGatewayVersion)")
            pulls.append("helm pull \(sw.envoyGatewayChart) --version \(sw.envoyGatewayVersion)")
            pushes.append("mirror_chart gateway-crds-helm-\(sw.envoyGatewayVersion).tgz gateway-crds-helm")
            pushes.append("mirror_chart gateway-helm-\(sw.envoyGatewayVersion).tgz gateway-helm")
        case .none:
            break
        }
        if gatewayAPI {
            pulls.append("curl -fsSLo \(gatewayAPICRDsFile) https://github.com/kubernetes-sigs/gateway-api/releases/download/\(sw.gatewayAPIVersion)/standard-install.yaml")
        }
        pushes.append("mirror_image \(Self.exampleAppImage)")
        let script = """
        export EDGEPLAN_MIRROR=$(aws sts get-caller-identity --query Account --output text).dkr.ecr.\(region).amazonaws.com/\(mirrorPrefix)
        aws ecr get-login-password --region \(region) | helm registry login --username AWS --password-stdin "${EDGEPLAN_MIRROR%%/*}"
        aws ecr get-login-password --region \(region) | crane auth login --username AWS --password-stdin "${EDGEPLAN_MIRROR%%/*}"
        repository() { aws ecr create-repository --region \(region) --repository-name "\(mirrorPrefix)/$1" >/dev/null 2>&1 || true; }
        # An image goes to $EDGEPLAN_MIRROR/<its path without the registry host>, its digest unchanged.
        mirror_image() {
          local path=$1 source=$1
          case ${path%%/*} in *.*|*:*|localhost) path=${path#*/} ;; esac
          case $source in *:*@*) source="${source%%@*}"; source="${source%:*}@${1#*@}" ;; esac
          repository "${path%%[:@]*}"
          crane copy "$source" "$EDGEPLAN_MIRROR/${path%@*}"
        }
        # A chart goes to oci://$EDGEPLAN_MIRROR/charts/<name>, and so does every image it renders.
        mirror_chart() {
          local archive=$1 name=$2; shift 2
          repository "charts/$name"
          helm push "$archive" "oci://$EDGEPLAN_MIRROR/charts"
          helm template "$name" "$archive" "$@" | sed -nE 's/^ *(- )?image: *"?([^" ]+)"?.*$/\\2/p' | sort -u |
            while read -r image; do mirror_image "$image"; done
        }
        \(pulls.joined(separator: "\n"))
        \(pushes.joined(separator: "\n"))
        """
        var note = "The cluster has no NAT gateway (`natGateways: none`): its nodes reach only the AWS services of the VPC endpoints in the network stack (\(plan.vpc.endpoints.map { "`\($0.service)`" }.joined(separator: ", "))), so they cannot pull a public image or chart. Copy everything this option installs into ECR first, from a machine with internet access, the AWS CLI, `helm` and `crane`; the steps below install from `$EDGEPLAN_MIRROR` (keep it exported where you run them) and never from a public registry"
        if gatewayAPI { note += ", and apply the Gateway API CRDs from the file downloaded here (`\(gatewayAPICRDsFile)`)" }
        note += ". Commands that call AWS APIs with no endpoint in the VPC (`aws cloudformation`, `aws ssm`, `aws secretsmanager`) run where those APIs are reachable."
        return "\(note)\n\n```sh\n\(script)\n```"
    }

    /// The `kubectl` filter that points the option's manifests at the mirror (the example
    /// application's image), or nothing when the cluster pulls from the internet.
    var imageRewrite: String {
        mirrored ? " | sed -E 's#^( *image: *)([^/ ]+\\.[^/ ]+/)?#\\1'\"$EDGEPLAN_MIRROR\"'/#'" : ""
    }
}
