import EdgePlanCore

/// The `alb-controller` objects: an IngressClass for the AWS Load Balancer Controller with
/// IngressClassParams that fix what every Ingress of the class gets (internet-facing, TLS policy,
/// invalid headers dropped), and the example Ingress with the certificate, security group and web
/// ACL that the frontend stack made.
enum ALBControllerManifests {
    static let className = "alb"

    static func ingressClassParams() -> Manifest {
        Manifest(file: "ingressclassparams-alb.yaml", object: [
            "apiVersion": "elbv2.k8s.aws/v1beta1", "kind": "IngressClassParams",
            "metadata": Manifest.metadata(className),
            "spec": [
                "scheme": "internet-facing",
                "ipAddressType": "ipv4",
                "sslPolicy": .string(LoadBalancerParts.tlsPolicy),
                "loadBalancerAttributes": [["key": "routing.http.drop_invalid_header_fields.enabled", "value": "true"]],
            ],
        ])
    }

    static func ingressClass() -> Manifest {
        Manifest(file: "ingressclass-alb.yaml", object: [
            "apiVersion": "networking.k8s.io/v1", "kind": "IngressClass",
            "metadata": Manifest.metadata(className),
            "spec": [
                "controller": "ingress.k8s.aws/alb",
                "parameters": ["apiGroup": "elbv2.k8s.aws", "kind": "IngressClassParams", "name": .string(className)],
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
