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
        let applicationLoadBalancers = Fn.sub(elb + "loadbalancer/app/*/*")
        let targetGroups = Fn.sub(elb + "targetgroup/*/*")
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
        let listenerARNs = Fn.sub(elb + "listener/*")
        let ruleARNs = Fn.sub(elb + "listener-rule/*")
        let vpcARN = Fn.sub("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc/${VpcId}", [("VpcId", Fn.imported("NetworkStack", "VpcId"))])
        // Target groups CloudFormation made for a TargetGroupBinding carry edgeplan's own tag.
        let boundTagged: JSONValue = ["StringEquals": .object([("aws:ResourceTag/\(DeploymentNames.bindingTag)", .string(cluster))])]
        // Every statement that changes something is scoped: to this cluster's tag (the controller
        // tags what it makes with elbv2.k8s.aws/cluster = the cluster's name), to this VPC, or to
        // this design's web ACLs. The reference policy AWS publishes leaves six of them open
        // (any security group, any listener or rule, listener tags, any target group, WAF and
        // Shield on any resource); Tests/validators checks that none is open here.
        let statements: [JSONValue] = [
            statement("Read", ec2Reads + elbReads + ["acm:DescribeCertificate", "acm:ListCertificates", "shield:GetSubscriptionState",
                                                      "wafv2:GetWebACL", "wafv2:GetWebACLForResource"], ["*"]),
            statement("ServiceLinkedRole", ["iam:CreateServiceLinkedRole"],
                      [Fn.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/elasticloadbalancing.amazonaws.com/*")],
                      ["StringEquals": ["iam:AWSServiceName": "elasticloadbalancing.amazonaws.com"]]),
            statement("CreateSecurityGroupsInThisVpc", ["ec2:CreateSecurityGroup"], [vpcARN]),
            statement("CreateTaggedSecurityGroups", ["ec2:CreateSecurityGroup"], [sg], requestTagged),
            statement("TagNewSecurityGroups", ["ec2:CreateTags"], [sg],
                      ["StringEquals": ["ec2:CreateAction": "CreateSecurityGroup", "aws:RequestTag/elbv2.k8s.aws/cluster": .string(cluster)]]),
            statement("ManageOwnSecurityGroups", ["ec2:CreateTags", "ec2:DeleteTags", "ec2:DeleteSecurityGroup"], [sg], tagged),
            // Backend rules go on the node and cluster security groups, which the controller did not
            // make: only on security groups of this VPC.
            statement("OpenBackendSecurityGroupsInThisVpc", ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], [sg],
                      ["ArnEquals": ["ec2:Vpc": vpcARN]]),
            statement("CreateTaggedLoadBalancers", ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
                      [loadBalancers, targetGroups], requestTagged),
            statement("TagNewLoadBalancers", ["elasticloadbalancing:AddTags"], [loadBalancers, targetGroups, listenerARNs, ruleARNs],
                      ["StringEquals": ["elasticloadbalancing:CreateAction": ["CreateLoadBalancer", "CreateTargetGroup", "CreateListener", "CreateRule"],
                                        "aws:RequestTag/elbv2.k8s.aws/cluster": .string(cluster)]]),
            statement("TagOwnResources", ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
                      [loadBalancers, targetGroups, listenerARNs, ruleARNs], tagged),
            statement("ManageOwnLoadBalancers", ["elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteTargetGroup",
                                                 "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyLoadBalancerAttributes",
                                                 "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
                                                 "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups",
                                                 "elasticloadbalancing:SetSubnets", "elasticloadbalancing:SetWebAcl"],
                      [loadBalancers, targetGroups], tagged),
            // The controller tags listeners and rules as it creates them (feature gate
            // ListenerRulesTagging, on by default): the request's tag scopes the create whichever
            // resource (load balancer, listener, rule) IAM evaluates it on.
            statement("CreateTaggedListenersAndRules", ["elasticloadbalancing:CreateListener", "elasticloadbalancing:CreateRule"],
                      [loadBalancers, listenerARNs, ruleARNs], requestTagged),
            statement("ManageOwnListeners", ["elasticloadbalancing:DeleteListener", "elasticloadbalancing:ModifyListener",
                                             "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:AddListenerCertificates",
                                             "elasticloadbalancing:RemoveListenerCertificates"],
                      [listenerARNs], tagged),
            statement("ManageOwnListenerRules", ["elasticloadbalancing:DeleteRule", "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities"],
                      [ruleARNs], tagged),
            statement("RegisterTargetsInOwnTargetGroups", ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
                      [targetGroups], tagged),
            // TargetGroupBindings register pods in target groups CloudFormation made, which edgeplan tags.
            statement("RegisterTargetsInBoundTargetGroups", ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
                      [targetGroups], boundTagged),
            // Only this design's web ACLs (named <design>-<option>-web-acl by its stacks). WAF checks
            // the ALB's side of an association as elasticloadbalancing:SetWebAcl ("permissions
            // specific to the protected resource type", WAF API reference, AssociateWebACL), which
            // ManageOwnLoadBalancers grants only on this cluster's load balancers; wafv2 has no
            // tag condition of its own for an ALB, so DisassociateWebACL names ALBs by type.
            statement("AssociateThisDesignsWebACLs", ["wafv2:AssociateWebACL"],
                      [Fn.sub("arn:${AWS::Partition}:wafv2:${AWS::Region}:${AWS::AccountId}:regional/webacl/\(plan.design.name)-*/*"), applicationLoadBalancers]),
            statement("DisassociateWebACLsFromOwnLoadBalancers", ["wafv2:DisassociateWebACL"], [applicationLoadBalancers]),
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
