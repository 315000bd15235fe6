import EdgePlanCore

/// The Envoy Gateway objects of an option whose router is Envoy Gateway: a GatewayClass for the
/// controller, an EnvoyProxy that fixes the data-plane Service (its name, and whether it is
/// in-cluster for a TargetGroupBinding or a LoadBalancer Service that makes the NLB), the Gateway
/// with one listener on the port the NLB sends to (HTTPS with the origin certificate where TLS
/// terminates here), the example application's HTTPRoute, the client-address policy where a
/// trusted HTTP hop is in front, and the CloudFront secret-header check where the option has one.
/// The controller itself comes from Envoy Gateway's Helm chart (the deploy guide installs it).
struct EnvoyGatewayManifests: Sendable {
    var placement: RouterPlacement
    var controllerName: String

    static let className = "edgeplan-envoy"
    static let gatewayName = "edgeplan-gateway"
    static let proxyName = "edgeplan-gateway"
    static let certificateSecret = "edgeplan-gateway-tls"
    static let originSecret = "edgeplan-origin-secret"
    /// The key of the secret header's value in its Secret (Envoy Gateway calls it the client id).
    static let originSecretKey = "cloudfront"
    /// The Gateway, its EnvoyProxy and the routes live with the example application.
    static let namespace = ExampleApp.namespace

    var listenerName: String { placement.terminatesTLS ? "https" : "http" }

    func gatewayClass() -> Manifest {
        Manifest(file: "gatewayclass-\(Self.className).yaml", object: [
            "apiVersion": "gateway.networking.k8s.io/v1", "kind": "GatewayClass",
            "metadata": Manifest.metadata(Self.className),
            "spec": ["controllerName": .string(controllerName)],
        ])
    }

    /// How the data-plane Service is exposed.
    enum Exposure {
        /// In the cluster only: a TargetGroupBinding registers the pods in CloudFormation's NLB.
        case bound
        /// A LoadBalancer Service with these annotations makes the NLB.
        case loadBalancer(annotations: [(String, JSONValue)], loadBalancerClass: String?)
    }

    func envoyProxy(_ exposure: Exposure, replicas: Int) -> Manifest {
        var service: [(String, JSONValue)] = [("name", .string(placement.service.name))]
        switch exposure {
        case .bound:
            service.insert(("type", "ClusterIP"), at: 0)
        case .loadBalancer(let annotations, let loadBalancerClass):
            service.insert(("type", "LoadBalancer"), at: 0)
            if let loadBalancerClass { service.append(("loadBalancerClass", .string(loadBalancerClass))) }
            service.append(("annotations", .object(annotations)))
        }
        return Manifest(file: "envoyproxy-\(Self.proxyName).yaml", object: [
            "apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "EnvoyProxy",
            "metadata": Manifest.metadata(Self.proxyName, namespace: Self.namespace),
            "spec": ["provider": [
                "type": "Kubernetes",
                "kubernetes": [
                    "envoyDeployment": ["replicas": .int(replicas)],
                    "envoyPDB": ["minAvailable": 1],
                    "envoyService": .object(service),
                ],
            ]],
        ])
    }

    func gateway() -> Manifest {
        var listener: [(String, JSONValue)] = [
            ("name", .string(listenerName)),
            ("protocol", placement.terminatesTLS ? "HTTPS" : "HTTP"),
            ("port", .int(placement.service.port)),
        ]
        if placement.terminatesTLS {
            listener.append(("tls", [
                "mode": "Terminate",
                "certificateRefs": [["group": "", "kind": "Secret", "name": .string(Self.certificateSecret)]],
            ]))
        }
        listener.append(("allowedRoutes", ["namespaces": ["from": "Same"]]))
        return Manifest(file: "gateway-\(Self.gatewayName).yaml", object: [
            "apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway",
            "metadata": Manifest.metadata(Self.gatewayName, namespace: Self.namespace),
            "spec": [
                "gatewayClassName": .string(Self.className),
                "infrastructure": ["parametersRef": ["group": "gateway.envoyproxy.io", "kind": "EnvoyProxy", "name": .string(Self.proxyName)]],
                "listeners": [.object(listener)],
            ],
        ])
    }

    /// Every path to the example application.
    func route() -> Manifest {
        Manifest(file: "httproute-\(ExampleApp.name).yaml", object: [
            "apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
            "metadata": Manifest.metadata(ExampleApp.name, namespace: Self.namespace),
            "spec": [
                "parentRefs": [["group": "gateway.networking.k8s.io", "kind": "Gateway", "name": .string(Self.gatewayName),
                                "sectionName": .string(listenerName)]],
                "rules": [[
                    "matches": [["path": ["type": "PathPrefix", "value": "/"]]],
                    "backendRefs": [["name": .string(ExampleApp.name), "port": .int(ExampleApp.servicePort)]],
                ]],
            ],
        ])
    }

    /// Takes the client's address from the X-Forwarded-For entry the trusted hop in front appended.
    func clientTrafficPolicy() -> Manifest? {
        guard placement.forwardedBy != nil else { return nil }
        return Manifest(file: "clienttrafficpolicy-\(Self.gatewayName).yaml", object: [
            "apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "ClientTrafficPolicy",
            "metadata": Manifest.metadata(Self.gatewayName, namespace: Self.namespace),
            "spec": [
                "targetRefs": [["group": "gateway.networking.k8s.io", "kind": "Gateway", "name": .string(Self.gatewayName)]],
                "clientIPDetection": ["xForwardedFor": ["numTrustedHops": 1]],
            ],
        ])
    }

    /// Answers 401 to every request without CloudFront's secret header, whose value is in the
    /// Secret the deploy guide creates from Secrets Manager; the header is removed before the
    /// request goes on.
    func originHeaderCheck(header: String) -> Manifest {
        Manifest(file: "securitypolicy-origin-header.yaml", object: [
            "apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "SecurityPolicy",
            "metadata": Manifest.metadata("origin-header", namespace: Self.namespace),
            "spec": [
                "targetRefs": [["group": "gateway.networking.k8s.io", "kind": "Gateway", "name": .string(Self.gatewayName)]],
                "apiKeyAuth": [
                    "credentialRefs": [["group": "", "kind": "Secret", "name": .string(Self.originSecret)]],
                    "extractFrom": [["headers": [.string(header)]]],
                    "sanitize": true,
                ],
            ],
        ])
    }
}
