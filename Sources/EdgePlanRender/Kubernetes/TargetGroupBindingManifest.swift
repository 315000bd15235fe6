import EdgePlanCore

/// A TargetGroupBinding (AWS Load Balancer Controller, `elbv2.k8s.aws/v1beta1`): the controller
/// registers the Service's pod IPs in a target group CloudFormation made, and opens the pods'
/// security group to the load balancer's on the listed ports.
enum TargetGroupBindingManifest {
    static func binding(service: String, namespace: String, port: Int, targetGroup: JSONValue, from securityGroup: JSONValue, ports: [Int]) -> Manifest {
        Manifest(file: "targetgroupbinding-\(service).yaml", object: [
            "apiVersion": "elbv2.k8s.aws/v1beta1", "kind": "TargetGroupBinding",
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
