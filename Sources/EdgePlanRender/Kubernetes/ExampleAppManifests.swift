import EdgePlanCore

/// A small example workload (an unprivileged nginx on port 8080) with its Service and an Ingress,
/// so every option has something to route to. Replace it with the real application.
enum ExampleAppManifests {
    static let name = ExampleApp.name
    static let namespace = ExampleApp.namespace
    static let labels: JSONValue = ["app.kubernetes.io/name": .string(ExampleApp.name)]
    /// The application's image (Docker Hub); a cluster without NAT pulls its copy from ECR.
    static let image = "nginxinc/nginx-unprivileged:1.27-alpine"

    static func deployment(replicas: Int) -> Manifest {
        Manifest(file: "deployment-example-app.yaml", object: [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": Manifest.metadata(name, namespace: namespace, labels: labels.fields),
            "spec": [
                "replicas": .int(replicas),
                "selector": ["matchLabels": labels],
                "template": [
                    "metadata": ["labels": labels],
                    "spec": [
                        "securityContext": ["runAsNonRoot": true, "seccompProfile": ["type": "RuntimeDefault"]],
                        "containers": [[
                            "name": "app",
                            "image": .string(Self.image),
                            "ports": [["name": "http", "containerPort": .int(ExampleApp.podPort), "protocol": "TCP"]],
                            "readinessProbe": ["httpGet": ["path": "/", "port": "http"]],
                            "resources": ["requests": ["cpu": "50m", "memory": "64Mi"], "limits": ["memory": "128Mi"]],
                            "securityContext": ["allowPrivilegeEscalation": false, "capabilities": ["drop": ["ALL"]]],
                        ]],
                    ],
                ],
            ],
        ])
    }

    static func service() -> Manifest {
        Manifest(file: "service-example-app.yaml", object: [
            "apiVersion": "v1", "kind": "Service",
            "metadata": Manifest.metadata(name, namespace: namespace, labels: labels.fields),
            "spec": [
                "type": "ClusterIP",
                "selector": labels,
                "ports": [["name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"]],
            ],
        ])
    }

    /// An Ingress for `className`: every host and path to the example app.
    static func ingress(className: String, annotations: [(String, JSONValue)] = []) -> Manifest {
        Manifest(file: "ingress-example-app.yaml", object: [
            "apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
            "metadata": Manifest.metadata(name, namespace: namespace, labels: labels.fields, annotations: annotations),
            "spec": [
                "ingressClassName": .string(className),
                "rules": [[
                    "http": ["paths": [[
                        "path": "/", "pathType": "Prefix",
                        "backend": ["service": ["name": .string(name), "port": ["number": 80]]],
                    ]]],
                ]],
            ],
        ])
    }
}
