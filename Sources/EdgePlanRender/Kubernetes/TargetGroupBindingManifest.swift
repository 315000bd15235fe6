import EdgePlanCore

/// A TargetGroupBinding (AWS Load Balancer Controller or EKS Auto Mode): the controller
/// registers the Service's pod IPs in a target group CloudFormation made, and opens the pods'
/// security group to the load balancer's on the listed ports.
enum TargetGroupBindingManifest {
    /// `apiVersion`: the AWS Load Balancer Controller's `elbv2.k8s.aws/v1beta1`, or EKS Auto Mode's
    /// own group, where `targetType` is required (edgeplan always sets it).
    static func binding(apiVersion: String, service: String, namespace: String, port: Int, targetGroup: JSONValue, from securityGroup: JSONValue,
                        ports: [Int]) -> Manifest {
        Manifest(file: "targetgroupbinding-\(service).yaml", object: [
            "apiVersion": .string(apiVersion), "kind": "TargetGroupBinding",
            "metadata": Manifest.metadata(service, namespace: namespace),
            "spec": [
                "serviceRef": ["name": .string(service), "port": .int(port)],
                "targetGroupARN": targetGroup,
                "targetType": "ip",
                "networking": ["ingress": [[
                    "from": [["securityGroup": ["groupID": securityGroup]]],
                    "ports": .array(ports.map { ["protocol": "TCP", "port": .int($0)] }),
                ]]],
            ],
        ])
    }
}
