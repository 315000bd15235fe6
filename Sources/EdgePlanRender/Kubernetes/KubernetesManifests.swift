import EdgePlanCore

/// The Kubernetes side of one option, as one YAML file per object plus a `kustomization.yaml`:
/// the ingress-nginx Service with the annotations the option needs (in-tree NLB for the staggered
/// style, AWS Load Balancer Controller NLB where a security group is needed, in-cluster only when
/// bound), the IngressClass and an example Ingress, the `alb-controller` Ingress, and the
/// TargetGroupBindings of the bound options. Values from stack outputs are `${NAME}` placeholders.
struct KubernetesManifests: Sendable {
    var context: FrontendContext

    func build() -> (manifests: [Manifest], placeholders: [Placeholder]) {
        let c = context
        let stack = c.stackName
        var manifests: [Manifest] = []
        var placeholders: [Placeholder] = []
        func placeholder(_ name: String, _ output: String, stack: String = stack) -> JSONValue {
            let p = Placeholder(name: name, stack: stack, output: output)
            placeholders.append(p)
            return p.token
        }
        let app = [ExampleAppManifests.deployment(replicas: max(2, c.azCount)), ExampleAppManifests.service()]

        let ingressNginx = FrontendContext.nlbKinds.contains(c.frontend.kind) || (c.frontend.kind == .cloudFrontVPCOrigin && c.frontend.origin == .nlb)
        if ingressNginx {
            let publicNLB = c.frontend.kind == .cloudFrontPublicNLB
            let port = (publicNLB || c.frontend.kind == .cloudFrontVPCOrigin) ? 443 : 80
            let exposure: IngressNginxManifests.Exposure
            if !c.staggered {
                exposure = .bound
            } else if publicNLB && c.frontend.originProtection == .prefixListSG {
                exposure = .controller(internetFacing: true, securityGroup: placeholder("ORIGIN_SECURITY_GROUP_ID", "OriginSecurityGroupId"))
            } else {
                exposure = .inTree(internal: !publicNLB)
            }
            manifests.append(IngressNginxManifests.namespaceObject())
            manifests.append(IngressNginxManifests.service(exposure))
            if c.frontend.kind == .cloudFrontPublicNLB && c.frontend.originProtection == .secretHeader {
                let secret = Placeholder(name: "ORIGIN_SECRET", stack: "", output: "")
                placeholders.append(secret)
                manifests.append(IngressNginxManifests.originHeaderCheck(secret: secret.token))
            }
            if !c.staggered {
                manifests.append(TargetGroupBindingManifest.binding(
                    service: IngressNginxManifests.name, namespace: IngressNginxManifests.namespace, port: port,
                    targetGroup: placeholder("INGRESS_TARGET_GROUP_ARN", "IngressTargetGroupArn"),
                    from: placeholder("INGRESS_NLB_SECURITY_GROUP_ID", "IngressNlbSecurityGroupId"),
                    ports: [port, LoadBalancerParts.healthPort]))
            }
            manifests.append(IngressNginxManifests.ingressClass())
            manifests += app
            manifests.append(ExampleAppManifests.ingress(className: "nginx"))
        } else if c.frontend.kind == .albController {
            manifests.append(ALBControllerManifests.ingressClassParams())
            manifests.append(ALBControllerManifests.ingressClass())
            manifests += app
            let annotations = ALBControllerManifests.annotations(
                certificate: placeholder("CERTIFICATE_ARN", "CertificateArn"),
                securityGroup: placeholder("ALB_SECURITY_GROUP_ID", "AlbSecurityGroupId"),
                webACL: c.waf ? placeholder("WEB_ACL_ARN", "WebAclArn") : nil)
            manifests.append(ExampleAppManifests.ingress(className: ALBControllerManifests.className, annotations: annotations))
        } else {
            // An ALB made by CloudFormation with the pods as its IP targets.
            manifests += app
            manifests.append(TargetGroupBindingManifest.binding(
                service: ExampleAppManifests.name, namespace: ExampleAppManifests.namespace, port: 80,
                targetGroup: placeholder("APP_TARGET_GROUP_ARN", "AppTargetGroupArn"),
                from: placeholder("ALB_SECURITY_GROUP_ID", "AlbSecurityGroupId"),
                ports: [DeploymentNames.appPort]))
        }
        return (manifests, placeholders)
    }

    /// The files: each object, and a kustomization that lists them in apply order.
    func files() -> (files: [OutputFile], placeholders: [Placeholder]) {
        let (manifests, placeholders) = build()
        let folder = "kubernetes/\(context.id)"
        var files = manifests.map { OutputFile(path: "\(folder)/\($0.file)", contents: $0.object.yamlSerialized()) }
        let kustomization: JSONValue = [
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            "resources": .array(manifests.map { .string($0.file) }),
        ]
        files.append(OutputFile(path: "\(folder)/kustomization.yaml", contents: kustomization.yamlSerialized()))
        return (files, placeholders)
    }
}
