import EdgePlanCore

/// The ingress-nginx objects edgeplan owns: the controller's Service (its annotations decide who
/// makes the NLB and how), the IngressClass, the namespace, and the optional configuration that
/// checks CloudFront's secret origin header. The controller itself comes from the ingress-nginx Helm
/// chart installed with `controller.service.enabled=false`, so this Service is the only one.
struct IngressNginxManifests: Sendable {
    /// The controller's Service, as the plan places it.
    var backend: ServiceRef
    var namespace: String { backend.namespace }
    var name: String { backend.name }
    static let selector: JSONValue = [
        "app.kubernetes.io/name": "ingress-nginx",
        "app.kubernetes.io/instance": "ingress-nginx",
        "app.kubernetes.io/component": "controller",
    ]

    func namespaceObject() -> Manifest {
        Manifest(file: "namespace-ingress-nginx.yaml", object: [
            "apiVersion": "v1", "kind": "Namespace",
            "metadata": Manifest.metadata(namespace, labels: [("app.kubernetes.io/name", "ingress-nginx")]),
        ])
    }

    func ingressClass() -> Manifest {
        Manifest(file: "ingressclass-nginx.yaml", object: [
            "apiVersion": "networking.k8s.io/v1", "kind": "IngressClass",
            "metadata": Manifest.metadata("nginx", labels: [("app.kubernetes.io/name", "ingress-nginx")]),
            "spec": ["controller": "k8s.io/ingress-nginx"],
        ])
    }

    /// How the Service gets its load balancer.
    enum Exposure {
        /// The in-tree cloud provider makes an NLB (the 2018 report's annotations).
        case inTree(internal: Bool)
        /// The AWS Load Balancer Controller makes an NLB with IP targets (and the given security group).
        case controller(internetFacing: Bool, securityGroup: JSONValue?)
        /// CloudFormation made the NLB; a TargetGroupBinding registers the pods, so the Service stays inside the cluster.
        case bound
    }

    func service(_ exposure: Exposure) -> Manifest {
        var annotations: [(String, JSONValue)] = []
        let type: String
        switch exposure {
        case .inTree(let isInternal):
            annotations.append(("service.beta.kubernetes.io/aws-load-balancer-type", "nlb"))
            if isInternal { annotations.append(("service.beta.kubernetes.io/aws-load-balancer-internal", "true")) }
            type = "LoadBalancer"
        case .controller(let internetFacing, let securityGroup):
            annotations = [
                ("service.beta.kubernetes.io/aws-load-balancer-type", "external"),
                ("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "ip"),
                ("service.beta.kubernetes.io/aws-load-balancer-scheme", internetFacing ? "internet-facing" : "internal"),
            ]
            if let securityGroup {
                annotations += [
                    ("service.beta.kubernetes.io/aws-load-balancer-security-groups", securityGroup),
                    ("service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules", "true"),
                ]
            }
            // The tag the in-tree provider sets and the discovery function looks for.
            annotations.append(("service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags", .string("kubernetes.io/service-name=\(namespace)/\(name)")))
            type = "LoadBalancer"
        case .bound:
            type = "ClusterIP"
        }
        return Manifest(file: "service-ingress-nginx.yaml", object: [
            "apiVersion": "v1", "kind": "Service",
            "metadata": Manifest.metadata(name, namespace: namespace,
                                          labels: [("app.kubernetes.io/name", "ingress-nginx"), ("app.kubernetes.io/part-of", "ingress-nginx")],
                                          annotations: annotations),
            "spec": [
                "type": .string(type),
                "selector": Self.selector,
                "ports": [
                    ["name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"],
                    ["name": "https", "port": 443, "targetPort": "https", "protocol": "TCP"],
                ],
            ],
        ])
    }

    /// The controller's ConfigMap with a server snippet that answers 403 unless CloudFront's secret
    /// header is present. An administrator's ConfigMap snippet, not an Ingress annotation, so it works
    /// with `allow-snippet-annotations: false` (the default). Merge it into the chart's
    /// `controller.config` if the chart manages this ConfigMap.
    func originHeaderCheck(secret: JSONValue) -> Manifest {
        let header = "$http_" + String(CloudFrontParts.originHeader.lowercased().map { $0 == "-" ? "_" : $0 })
        let snippet: JSONValue
        if case .string(let s) = secret {
            snippet = .string("if (\(header) != \"\(s)\") {\n  return 403;\n}\n")
        } else {
            snippet = secret
        }
        return Manifest(file: "configmap-ingress-nginx-controller.yaml", object: [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": Manifest.metadata("ingress-nginx-controller", namespace: namespace, labels: [("app.kubernetes.io/name", "ingress-nginx")]),
            "data": ["server-snippet": snippet],
        ])
    }
}
