import EdgePlanCore

/// The ingress-nginx objects edgeplan owns: the controller's Service (its annotations decide who
/// makes the NLB and how), the IngressClass, the namespace, and the optional configuration that
/// checks CloudFront's secret origin header. The controller itself comes from the ingress-nginx Helm
/// chart installed with `controller.service.enabled=false`, so this Service is the only one.
struct IngressNginxManifests: Sendable {
    /// The controller's Service, as the plan places it.
    var backend: ServiceRef
    /// The controller's health endpoint, for a load balancer a controller makes.
    var health: HealthCheck?
    /// The NLB's TLS listener where the NLB ends TLS in front, so the Service's one port sends
    /// plain HTTP to the controller's http port.
    var tls: ServiceExposure.ListenerTLS?
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

    func service(_ exposure: ServiceExposure) -> Manifest {
        return Manifest(file: "service-ingress-nginx.yaml", object: [
            "apiVersion": "v1", "kind": "Service",
            "metadata": Manifest.metadata(name, namespace: namespace,
                                          labels: [("app.kubernetes.io/name", "ingress-nginx"), ("app.kubernetes.io/part-of", "ingress-nginx")],
                                          annotations: exposure.annotations(service: backend, health: health, tls: tls)),
            "spec": .object([("type", .string(exposure.serviceType))] + (exposure.loadBalancerClass.map { [("loadBalancerClass", JSONValue.string($0))] } ?? []) + [
                ("selector", Self.selector),
                ("ports", tls.map { [["name": "https", "port": .int($0.port), "targetPort": "http", "protocol": "TCP"]] } ?? [
                    ["name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"],
                    ["name": "https", "port": 443, "targetPort": "https", "protocol": "TCP"],
                ]),
            ]),
        ])
    }

    /// The Secret (made by the deploy guide from Secrets Manager) that holds CloudFront's header
    /// value, and the file in it: an nginx `map` that sets `$edgeplan_origin_ok` to 1 for that value.
    static let originSecret = "edgeplan-origin-secret"
    static let originSecretFile = "origin-secret.conf"
    static let originSecretMount = "/etc/edgeplan"

    /// The contents of the Secret's file for `secret`: the only place the value is written.
    static func originSecretMap(header: String, secret: String) -> String {
        let variable = "$http_" + String(header.lowercased().map { $0 == "-" ? "_" : $0 })
        return "map \(variable) $edgeplan_origin_ok {\n  \"\(secret)\" 1;\n  default 0;\n}\n"
    }

    /// The controller's ConfigMap: an http snippet that includes the map from the mounted Secret,
    /// and a server snippet that answers 403 unless CloudFront's secret header matched. The value
    /// itself is never in the ConfigMap. Administrator snippets in the ConfigMap, not Ingress
    /// annotations, so they work with `allow-snippet-annotations: false` (the default). Merge them
    /// into the chart's `controller.config` if the chart manages this ConfigMap.
    func originHeaderCheck() -> Manifest {
        Manifest(file: "configmap-ingress-nginx-controller.yaml", object: [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": Manifest.metadata("ingress-nginx-controller", namespace: namespace, labels: [("app.kubernetes.io/name", "ingress-nginx")]),
            "data": [
                "http-snippet": .string("include \(Self.originSecretMount)/\(Self.originSecretFile);\n"),
                "server-snippet": "if ($edgeplan_origin_ok = 0) {\n  return 403;\n}\n",
            ],
        ])
    }
}
