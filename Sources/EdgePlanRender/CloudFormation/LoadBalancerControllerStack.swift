import EdgePlanCore

/// The `lb-controller` stack: the IAM role of the AWS Load Balancer Controller, handed to its
/// service account by EKS Pod Identity. Needed by every option whose load balancer or target
/// registration the controller manages (`alb-controller`, the bound deploy style's
/// TargetGroupBindings, and the NLB with a security group). The policy is written for this cluster:
/// account- and region-scoped ARNs, and changes to load balancers and security groups only where
/// they carry the controller's `elbv2.k8s.aws/cluster` tag with this cluster's name. Compare it with
/// the policy AWS publishes for the controller version you install.
struct LoadBalancerControllerStack: Sendable {
    var plan: Plan
    var names: DeploymentNames

    static let serviceAccount = "aws-load-balancer-controller"
    static let namespace = "kube-system"

    func template() -> CloudFormationTemplate {
        var t = CloudFormationTemplate(description: "edgeplan \(plan.design.name): IAM role of the AWS Load Balancer Controller in \(plan.design.cluster)")
        t.parameter("NetworkStack", description: "Name of the network stack", default: .string(names.networkStack))
        t.parameter("ClusterStack", description: "Name of the cluster stack", default: .string(names.clusterStack))
        let cluster = plan.design.cluster
        let elb = "arn:${AWS::Partition}:elasticloadbalancing:${AWS::Region}:${AWS::AccountId}:"
        let sg = Fn.sub("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:security-group/*")
        let tagged: JSONValue = ["StringEquals": ["aws:ResourceTag/elbv2.k8s.aws/cluster": .string(cluster)]]
        let requestTagged: JSONValue = ["StringEquals": ["aws:RequestTag/elbv2.k8s.aws/cluster": .string(cluster)]]
        let loadBalancers = Fn.sub(elb + "loadbalancer/*")
        let targetGroups = Fn.sub(elb + "targetgroup/*/*")
        let listeners: [JSONValue] = [Fn.sub(elb + "listener/*"), Fn.sub(elb + "listener-rule/*")]
        func statement(_ sid: String, _ actions: [String], _ resources: [JSONValue], _ condition: JSONValue? = nil) -> JSONValue {
            var fields: [(String, JSONValue)] = [
                ("Sid", .string(sid)), ("Effect", "Allow"), ("Action", .array(actions.map(JSONValue.string))),
                ("Resource", resources.count == 1 ? resources[0] : .array(resources)),
            ]
            if let condition { fields.append(("Condition", condition)) }
            return .object(fields)
        }
        let ec2Reads = ["DescribeAccountAttributes", "DescribeAddresses", "DescribeAvailabilityZones", "DescribeCoipPools",
                        "DescribeInstances", "DescribeInternetGateways", "DescribeIpamPools", "DescribeNetworkInterfaces",
                        "DescribeRouteTables", "DescribeSecurityGroups", "DescribeSubnets", "DescribeTags", "DescribeVpcPeeringConnections",
                        "DescribeVpcs", "GetCoipPoolUsage", "GetSecurityGroupsForVpc"].map { "ec2:\($0)" }
        let elbReads = ["DescribeCapacityReservation", "DescribeListenerAttributes", "DescribeListenerCertificates", "DescribeListeners",
                        "DescribeLoadBalancerAttributes", "DescribeLoadBalancers", "DescribeRules", "DescribeSSLPolicies",
                        "DescribeTags", "DescribeTargetGroupAttributes", "DescribeTargetGroups", "DescribeTargetHealth",
                        "DescribeTrustStores"].map { "elasticloadbalancing:\($0)" }
        let statements: [JSONValue] = [
            statement("Read", ec2Reads + elbReads + ["acm:DescribeCertificate", "acm:ListCertificates", "shield:GetSubscriptionState",
                                                      "wafv2:GetWebACL", "wafv2:GetWebACLForResource"], ["*"]),
            statement("ServiceLinkedRole", ["iam:CreateServiceLinkedRole"],
                      [Fn.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/elasticloadbalancing.amazonaws.com/*")],
                      ["StringEquals": ["iam:AWSServiceName": "elasticloadbalancing.amazonaws.com"]]),
            statement("CreateSecurityGroupsInThisVpc", ["ec2:CreateSecurityGroup"],
                      [Fn.sub("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc/${VpcId}", [("VpcId", Fn.imported("NetworkStack", "VpcId"))])]),
            statement("CreateTaggedSecurityGroups", ["ec2:CreateSecurityGroup"], [sg], requestTagged),
            statement("TagNewSecurityGroups", ["ec2:CreateTags"], [sg], ["StringEquals": ["ec2:CreateAction": "CreateSecurityGroup"]]),
            statement("ManageOwnSecurityGroups", ["ec2:CreateTags", "ec2:DeleteTags", "ec2:DeleteSecurityGroup"], [sg], tagged),
            // Backend rules go on the node and cluster security groups, which the controller did not make.
            statement("OpenBackendSecurityGroups", ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], [sg]),
            statement("CreateTaggedLoadBalancers", ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
                      [loadBalancers, targetGroups], requestTagged),
            statement("ManageListeners", ["elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener",
                                          "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule",
                                          "elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyRule",
                                          "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates"],
                      [loadBalancers] + listeners),
            statement("Tag", ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], [loadBalancers, targetGroups] + listeners),
            statement("ManageOwnLoadBalancers", ["elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteTargetGroup",
                                                 "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyListenerAttributes",
                                                 "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:ModifyTargetGroup",
                                                 "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:SetIpAddressType",
                                                 "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets"],
                      [loadBalancers, targetGroups], tagged),
            // TargetGroupBindings register pods in target groups CloudFormation made (not tagged by the controller).
            statement("RegisterTargets", ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"], [targetGroups]),
            statement("AssociateWebACLs", ["wafv2:AssociateWebACL", "wafv2:DisassociateWebACL"],
                      [Fn.sub("arn:${AWS::Partition}:wafv2:${AWS::Region}:${AWS::AccountId}:regional/webacl/*/*"), Fn.sub(elb + "loadbalancer/app/*/*")]),
        ]
        t.resource("LoadBalancerControllerRole", "AWS::IAM::Role", [
            "Description": .string("AWS Load Balancer Controller of \(cluster) (EKS Pod Identity)"),
            "AssumeRolePolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Principal": ["Service": "pods.eks.amazonaws.com"], "Action": ["sts:AssumeRole", "sts:TagSession"]]],
            ],
            "Policies": [["PolicyName": "aws-load-balancer-controller", "PolicyDocument": ["Version": "2012-10-17", "Statement": .array(statements)]]],
        ])
        t.resource("LoadBalancerControllerPodIdentity", "AWS::EKS::PodIdentityAssociation", [
            "ClusterName": Fn.imported("ClusterStack", "EksClusterResourceName"),
            "Namespace": .string(Self.namespace),
            "ServiceAccount": .string(Self.serviceAccount),
            "RoleArn": Fn.getAtt("LoadBalancerControllerRole", "Arn"),
        ])
        t.output("LoadBalancerControllerRoleArn", Fn.getAtt("LoadBalancerControllerRole", "Arn"), description: "The controller's role, given to kube-system/aws-load-balancer-controller by EKS Pod Identity", export: true)
        return t
    }
}
