import EdgePlanCore

extension DeployGuide {
    /// Installs the Gateway API standard channel at the release the plan names.
    var gatewayAPICRDs: String {
        mirrored
            ? "kubectl apply --server-side -f \(gatewayAPICRDsFile)   # downloaded by the mirror step"
            : "kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/\(plan.software.gatewayAPIVersion)/standard-install.yaml"
    }

    /// The steps that install the option's router and give it what it needs from AWS: its TLS
    /// certificate where TLS ends there, and the CloudFront secret header's value, copied from
    /// Secrets Manager straight into a Kubernetes Secret (never on a command line).
    func routerSteps(_ c: FrontendContext) -> [String] {
        guard let placement = c.realization.router else { return [] }
        let region = plan.design.region
        let secretHeader = c.settings.originProtection?.checksSecretHeader == true
        let secretValue = "aws secretsmanager get-secret-value --region \(region) --secret-id \"$(aws cloudformation describe-stacks --region \(region) --stack-name \(c.stackName) --query \"Stacks[0].Outputs[?OutputKey=='OriginSecretArn'].OutputValue\" --output text)\" --query SecretString --output text"
        let certificate = "a certificate for SiteDomainName (the Host header CloudFront forwards) and its key, from your CA"
        var steps: [String] = []
        switch placement.router {
        case .ingressNginx:
            let ns = placement.service.namespace
            var prepare = "kubectl create namespace \(ns) --dry-run=client -o yaml | kubectl apply -f -\n"
            var flags = "    --set controller.service.enabled=false"
            if mirrored { flags += " --set global.image.registry=$EDGEPLAN_MIRROR" }
            if placement.terminatesTLS {
                prepare += "kubectl create secret tls edgeplan-origin-tls -n \(ns) --cert=origin.crt --key=origin.key   # \(certificate)\n"
                flags += " \\\n    --set controller.extraArgs.default-ssl-certificate=\(ns)/edgeplan-origin-tls"
            }
            if secretHeader {
                let file = IngressNginxManifests.originSecretFile
                // The map file with the value left to printf: the same text the manifests' comment describes.
                let format = IngressNginxManifests.originSecretMap(header: CloudFrontParts.originHeader, secret: "%s")
                    .split(separator: "\n").joined(separator: "\\n") + "\\n"
                prepare += "kubectl create secret generic \(IngressNginxManifests.originSecret) -n \(ns) \\\n    --from-file=\(file)=<(printf '\(format)' \"$(\(secretValue))\")\n"
                flags += " \\\n    --set-json 'controller.extraVolumes=[{\"name\":\"origin-secret\",\"secret\":{\"secretName\":\"\(IngressNginxManifests.originSecret)\"}}]'"
                flags += " \\\n    --set-json 'controller.extraVolumeMounts=[{\"name\":\"origin-secret\",\"mountPath\":\"\(IngressNginxManifests.originSecretMount)\",\"readOnly\":true}]'"
            }
            steps.append("ingress-nginx, which is retired (its last release is \(plan.software.ingressNginxLastRelease); caveat `ingress-nginx-retired`), from its Helm chart without the chart's own Service (the manifests bring the Service the option needs):\n\n```sh\n\(prepare)helm install ingress-nginx \(chart("ingress-nginx --repo https://kubernetes.github.io/ingress-nginx", mirroredAs: "ingress-nginx")) -n \(ns) \\\n\(flags)\n```")
        case .envoyGateway:
            let sw = plan.software
            let image = mirrored ? " \\\n    --set global.images.envoyGateway.image=$EDGEPLAN_MIRROR/envoyproxy/gateway:\(sw.envoyGatewayVersion)" : ""
            steps.append("Gateway API \(sw.gatewayAPIVersion) (standard channel) and Envoy Gateway \(sw.envoyGatewayVersion), its CRDs apart from the chart so the chart's experimental Gateway API CRDs are never installed over the standard ones:\n\n```sh\n\(gatewayAPICRDs)\nhelm template eg-crds \(chart(sw.envoyGatewayCRDsChart, mirroredAs: "gateway-crds-helm")) --version \(sw.envoyGatewayVersion) \\\n    --set crds.gatewayAPI.enabled=false --set crds.envoyGateway.enabled=true | kubectl apply --server-side -f -\nhelm upgrade --install eg \(chart(sw.envoyGatewayChart, mirroredAs: "gateway-helm")) --version \(sw.envoyGatewayVersion) \\\n    -n \(placement.service.namespace) --create-namespace --set crds.enabled=false\(image)\nkubectl wait --timeout=5m -n \(placement.service.namespace) deployment/envoy-gateway --for=condition=Available\n```")
            var secrets = ""
            if placement.terminatesTLS {
                secrets += "kubectl create secret tls \(EnvoyGatewayManifests.certificateSecret) -n \(EnvoyGatewayManifests.namespace) --cert=origin.crt --key=origin.key   # \(certificate)\n"
            }
            if secretHeader {
                secrets += "kubectl create secret generic \(EnvoyGatewayManifests.originSecret) -n \(EnvoyGatewayManifests.namespace) \\\n    --from-file=\(EnvoyGatewayManifests.originSecretKey)=<(\(secretValue) | tr -d '\\n')\n"
            }
            if !secrets.isEmpty {
                steps.append("The Gateway's secrets\(secretHeader ? " (the header value goes from Secrets Manager into the Secret, never onto a command line)" : ""):\n\n```sh\n\(secrets)```")
            }
        case .none:
            break
        }
        return steps
    }
}
