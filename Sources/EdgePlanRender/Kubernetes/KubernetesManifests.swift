import EdgePlanCore

/// The Kubernetes side of one option, as one YAML file per object plus a `kustomization.yaml`,
/// read from the option's realization: the router (its Service exposed as the entry says: an NLB
/// from the in-tree provider or a controller in the staggered style, in-cluster only when bound),
/// the TargetGroupBinding of a load balancer CloudFormation made, or the objects a controller
/// makes the ALB from; then the example application and its route. Values from stack outputs are
/// `${NAME}` placeholders.
struct KubernetesManifests: Sendable {
    var context: FrontendContext

    func build() -> (manifests: [Manifest], placeholders: [Placeholder]) {
        let c = context
        let r = c.realization
        var manifests: [Manifest] = []
        var placeholders: [Placeholder] = []
        func placeholder(_ name: String, _ output: String) -> JSONValue {
            let p = Placeholder(name: name, stack: c.stackName, output: output)
            placeholders.append(p)
            return p.token
        }
        let app = [ExampleAppManifests.deployment(replicas: max(2, c.azCount)), ExampleAppManifests.service()]

        // The router, and how its Service is exposed.
        let exposure = ServiceExposure(r.entry, software: c.plan.software) { placeholder("ORIGIN_SECURITY_GROUP_ID", "OriginSecurityGroupId") }
        let secretHeader = r.settings.originProtection?.checksSecretHeader == true
        // Where the NLB ends TLS: the certificate's ARN on the Service that makes the NLB; a bound
        // NLB has its TLS listener in the stack, and its Service no annotations.
        let tls = r.nlbTLS.flatMap { listener in
            exposure.serviceType == "LoadBalancer"
                ? ServiceExposure.ListenerTLS(port: listener.port, certificate: placeholder("ORIGIN_CERTIFICATE_ARN", "OriginCertificateArn")) : nil
        }
        switch r.router {
        case let placement? where placement.router == .ingressNginx:
            let nginx = IngressNginxManifests(backend: placement.service, health: placement.healthCheck,
                                              tls: r.nlbTLS.map { ServiceExposure.ListenerTLS(port: $0.port, certificate: tls?.certificate ?? .null) })
            manifests.append(nginx.namespaceObject())
            manifests.append(nginx.service(exposure))
            if secretHeader { manifests.append(nginx.originHeaderCheck()) }
        case let placement? where placement.router == .envoyGateway:
            let envoy = EnvoyGatewayManifests(placement: placement, controllerName: c.plan.software.envoyGatewayControllerName)
            manifests.append(envoy.gatewayClass())
            let proxyExposure: EnvoyGatewayManifests.Exposure
            switch exposure {
            case .bound: proxyExposure = .bound
            case .inTree, .controller, .autoMode:
                proxyExposure = .loadBalancer(annotations: exposure.annotations(service: placement.service, health: placement.healthCheck, tls: tls),
                                              loadBalancerClass: exposure.loadBalancerClass)
            }
            manifests.append(envoy.envoyProxy(proxyExposure, replicas: max(2, c.azCount)))
            manifests.append(envoy.gateway())
            if let policy = envoy.clientTrafficPolicy() { manifests.append(policy) }
            if secretHeader { manifests.append(envoy.originHeaderCheck(header: CloudFrontParts.originHeader)) }
        case .some, nil:
            break
        }
        if case .targetGroupBinding(let bound) = r.entry {
            let backend = r.backend
            let ports = r.router.map { [$0.containerPort, $0.healthCheck.port] } ?? [ExampleApp.podPort]
            let outputs = r.router == nil ? ("APP_TARGET_GROUP_ARN", "AppTargetGroupArn", "ALB_SECURITY_GROUP_ID", "AlbSecurityGroupId")
                : ("INGRESS_TARGET_GROUP_ARN", "IngressTargetGroupArn", "INGRESS_NLB_SECURITY_GROUP_ID", "IngressNlbSecurityGroupId")
            let binding = TargetGroupBindingManifest.binding(
                apiVersion: Self.apiVersion(bound.maker, c.plan.software), service: backend.name, namespace: backend.namespace, port: backend.port,
                targetGroup: placeholder(outputs.0, outputs.1), from: placeholder(outputs.2, outputs.3), ports: ports)
            if r.router == nil { manifests += app + [binding] } else { manifests.append(binding) }
        }
        switch r.router?.router {
        case .ingressNginx?:
            manifests.append(IngressNginxManifests(backend: r.backend).ingressClass())
            manifests += app
            manifests.append(ExampleAppManifests.ingress(className: "nginx"))
        case .envoyGateway?:
            manifests += app
            if let placement = r.router {
                manifests.append(EnvoyGatewayManifests(placement: placement, controllerName: c.plan.software.envoyGatewayControllerName).route())
            }
        case .none?, nil:
            if case .controllerALB(let alb) = r.entry {
                let certificate = placeholder("CERTIFICATE_ARN", "CertificateArn")
                let securityGroup = placeholder("ALB_SECURITY_GROUP_ID", "AlbSecurityGroupId")
                let webACL = c.waf ? placeholder("WEB_ACL_ARN", "WebAclArn") : nil
                switch alb.api {
                case .ingress:
                    let albClass = ALBControllerManifests(maker: alb.maker, software: c.plan.software)
                    manifests.append(albClass.ingressClassParams())
                    manifests.append(albClass.ingressClass())
                    manifests += app
                    let annotations = ALBControllerManifests.annotations(certificate: certificate, securityGroup: securityGroup, webACL: webACL)
                    manifests.append(ExampleAppManifests.ingress(className: ALBControllerManifests.className, annotations: annotations))
                case .gatewayAPI:
                    manifests.append(ALBGatewayManifests.gatewayClass(controllerName: c.plan.software.loadBalancerControllerALBGateway))
                    manifests.append(ALBGatewayManifests.loadBalancerConfiguration(certificate: certificate, securityGroup: securityGroup, webACL: webACL))
                    manifests.append(ALBGatewayManifests.gateway())
                    manifests += app
                    manifests.append(ALBGatewayManifests.targetGroupConfiguration())
                    manifests += ALBGatewayManifests.routes()
                }
            }
        }
        return (manifests, placeholders)
    }

    /// The API version of a controller's own objects (TargetGroupBinding, IngressClassParams).
    static func apiVersion(_ maker: LoadBalancerMaker, _ software: Software) -> String {
        switch maker {
        case .eksAutoMode: return software.autoModeAPIVersion
        case .loadBalancerController, .inTreeProvider: return "elbv2.k8s.aws/v1beta1"
        }
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
