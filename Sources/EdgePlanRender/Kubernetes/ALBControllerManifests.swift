import EdgePlanCore

/// The `alb-controller` objects: an IngressClass for the AWS Load Balancer Controller with
/// IngressClassParams that fix what every Ingress of the class gets (internet-facing, TLS policy,
/// invalid headers dropped), and the example Ingress with the certificate, security group and web
/// ACL that the frontend stack made.
struct ALBControllerManifests: Sendable {
    static let className = "alb"
    /// The AWS Load Balancer Controller, or EKS Auto Mode's built-in controller.
    var maker: LoadBalancerMaker
    var software: Software

    private var group: String { String(KubernetesManifests.apiVersion(maker, software).prefix { $0 != "/" }) }
    private var controller: String {
        switch maker {
        case .eksAutoMode: return software.autoModeIngressClassController
        case .loadBalancerController, .inTreeProvider: return "ingress.k8s.aws/alb"
        }
    }

    func ingressClassParams() -> Manifest {
        Manifest(file: "ingressclassparams-alb.yaml", object: [
            "apiVersion": .string(KubernetesManifests.apiVersion(maker, software)), "kind": "IngressClassParams",
            "metadata": Manifest.metadata(Self.className),
            "spec": [
                "scheme": "internet-facing",
                "ipAddressType": "ipv4",
                "sslPolicy": .string(LoadBalancerParts.tlsPolicy),
                "loadBalancerAttributes": [["key": "routing.http.drop_invalid_header_fields.enabled", "value": "true"]],
            ],
        ])
    }

    func ingressClass() -> Manifest {
        Manifest(file: "ingressclass-alb.yaml", object: [
            "apiVersion": "networking.k8s.io/v1", "kind": "IngressClass",
            "metadata": Manifest.metadata(Self.className),
            "spec": [
                "controller": .string(controller),
                "parameters": ["apiGroup": .string(group), "kind": "IngressClassParams", "name": .string(Self.className)],
            ],
        ])
    }

    static func annotations(certificate: JSONValue, securityGroup: JSONValue, webACL: JSONValue?) -> [(String, JSONValue)] {
        var a: [(String, JSONValue)] = [
            ("alb.ingress.kubernetes.io/target-type", "ip"),
            ("alb.ingress.kubernetes.io/listen-ports", #"[{"HTTP": 80}, {"HTTPS": 443}]"#),
            ("alb.ingress.kubernetes.io/ssl-redirect", "443"),
            ("alb.ingress.kubernetes.io/certificate-arn", certificate),
            ("alb.ingress.kubernetes.io/security-groups", securityGroup),
            ("alb.ingress.kubernetes.io/manage-backend-security-group-rules", "true"),
            ("alb.ingress.kubernetes.io/healthcheck-path", "/"),
        ]
        if let webACL { a.append(("alb.ingress.kubernetes.io/wafv2-acl-arn", webACL)) }
        return a
    }
}

/// The `alb-controller` objects with `loadBalancerApi: gateway-api`: a GatewayClass of the AWS
/// Load Balancer Controller's ALB Gateways, a LoadBalancerConfiguration that fixes what the ALB
/// gets (internet-facing, the stack's security group, the certificate and TLS policy on HTTPS:443,
/// invalid headers dropped, the web ACL), the Gateway with HTTPS and HTTP listeners, the example
/// application's HTTPRoute, a redirect of HTTP to HTTPS, and a TargetGroupConfiguration for IP
/// targets (`gateway.k8s.aws/v1`, the v3.5 CRDs).
enum ALBGatewayManifests {
    static let className = "edgeplan-alb"
    static let gatewayName = "edgeplan-alb"
    static let namespace = ExampleApp.namespace

    static func gatewayClass(controllerName: String) -> Manifest {
        Manifest(file: "gatewayclass-\(className).yaml", object: [
            "apiVersion": "gateway.networking.k8s.io/v1", "kind": "GatewayClass",
            "metadata": Manifest.metadata(className),
            "spec": ["controllerName": .string(controllerName)],
        ])
    }

    static func loadBalancerConfiguration(certificate: JSONValue, securityGroup: JSONValue, webACL: JSONValue?) -> Manifest {
        var spec: [(String, JSONValue)] = [
            ("scheme", "internet-facing"),
            ("ipAddressType", "ipv4"),
            ("securityGroups", [securityGroup]),
            ("manageBackendSecurityGroupRules", true),
            ("listenerConfigurations", [[
                "protocolPort": "HTTPS:443",
                "defaultCertificate": certificate,
                "sslPolicy": .string(LoadBalancerParts.tlsPolicy),
            ]]),
            ("loadBalancerAttributes", [
                ["key": "routing.http.drop_invalid_header_fields.enabled", "value": "true"],
                ["key": "routing.http.desync_mitigation_mode", "value": "defensive"],
            ]),
        ]
        if let webACL { spec.append(("wafV2", ["webACL": webACL])) }
        return Manifest(file: "loadbalancerconfiguration-\(gatewayName).yaml", object: [
            "apiVersion": "gateway.k8s.aws/v1", "kind": "LoadBalancerConfiguration",
            "metadata": Manifest.metadata(gatewayName, namespace: namespace),
            "spec": .object(spec),
        ])
    }

    static func gateway() -> Manifest {
        Manifest(file: "gateway-\(gatewayName).yaml", object: [
            "apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway",
            "metadata": Manifest.metadata(gatewayName, namespace: namespace),
            "spec": [
                "gatewayClassName": .string(className),
                "infrastructure": ["parametersRef": ["group": "gateway.k8s.aws", "kind": "LoadBalancerConfiguration", "name": .string(gatewayName)]],
                // The certificate comes from the LoadBalancerConfiguration: the controller does not read certificateRefs.
                "listeners": [
                    ["name": "https", "protocol": "HTTPS", "port": 443, "allowedRoutes": ["namespaces": ["from": "Same"]]],
                    ["name": "http", "protocol": "HTTP", "port": 80, "allowedRoutes": ["namespaces": ["from": "Same"]]],
                ],
            ],
        ])
    }

    static func routes() -> [Manifest] {
        let parent: (String) -> JSONValue = { section in
            ["group": "gateway.networking.k8s.io", "kind": "Gateway", "name": .string(gatewayName), "sectionName": .string(section)]
        }
        return [
            Manifest(file: "httproute-\(ExampleApp.name).yaml", object: [
                "apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
                "metadata": Manifest.metadata(ExampleApp.name, namespace: namespace),
                "spec": [
                    "parentRefs": [parent("https")],
                    "rules": [[
                        "matches": [["path": ["type": "PathPrefix", "value": "/"]]],
                        "backendRefs": [["name": .string(ExampleApp.name), "port": .int(ExampleApp.servicePort)]],
                    ]],
                ],
            ]),
            Manifest(file: "httproute-http-to-https.yaml", object: [
                "apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
                "metadata": Manifest.metadata("http-to-https", namespace: namespace),
                "spec": [
                    "parentRefs": [parent("http")],
                    "rules": [["filters": [["type": "RequestRedirect", "requestRedirect": ["scheme": "https", "statusCode": 301]]]]],
                ],
            ]),
        ]
    }

    static func targetGroupConfiguration() -> Manifest {
        Manifest(file: "targetgroupconfiguration-\(ExampleApp.name).yaml", object: [
            "apiVersion": "gateway.k8s.aws/v1", "kind": "TargetGroupConfiguration",
            "metadata": Manifest.metadata(ExampleApp.name, namespace: ExampleApp.namespace),
            "spec": [
                "targetReference": ["name": .string(ExampleApp.name)],
                "defaultConfiguration": [
                    "targetType": "ip",
                    "healthCheckConfig": ["healthCheckProtocol": "HTTP", "healthCheckPath": "/"],
                ],
            ],
        ])
    }
}
