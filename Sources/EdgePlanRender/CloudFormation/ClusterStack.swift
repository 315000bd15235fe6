import EdgePlanCore

/// The `cluster` stack: the EKS cluster in the control-plane subnets with its role and security
/// group (outputs named as in the 2018 report), secrets encrypted with its own KMS key, every
/// control-plane log type on, a managed node group in the node subnets sized from the plan, and
/// the EKS Pod Identity agent the AWS Load Balancer Controller's role is handed out by. In EKS Auto
/// Mode: the cluster in the node subnets with compute, block storage and load balancing on, the
/// Auto Mode cluster and node roles, and no node group or add-ons (Auto Mode runs them).
struct ClusterStack: Sendable {
    var plan: Plan
    var names: DeploymentNames

    func template() -> CloudFormationTemplate {
        var t = CloudFormationTemplate(description: "edgeplan \(plan.design.name): EKS cluster \(plan.design.cluster)")
        t.parameter("NetworkStack", description: "Name of the network stack", default: .string(names.networkStack))
        t.parameter("KubernetesVersion", description: "EKS Kubernetes version (the plan's: \(plan.kubernetes.chosen ? "the design's" : "the newest in standard support on \(plan.kubernetes.asOf)"))",
                    default: .string(plan.kubernetes.version), allowedPattern: "^1\\.[0-9]+$")
        if plan.design.clusterMode == .standard {
            t.parameter("NodeInstanceType", type: "String", description: "EC2 instance type of the managed node group (its ENI limits cap pods per node)", default: "m6i.large")
        }
        let auto = plan.design.clusterMode == .auto
        // EKS Auto Mode's cluster role also runs its compute, block storage, load balancing and networking.
        let clusterPolicies = ["AmazonEKSClusterPolicy"]
            + (auto ? ["AmazonEKSComputePolicy", "AmazonEKSBlockStoragePolicy", "AmazonEKSLoadBalancingPolicy", "AmazonEKSNetworkingPolicy"] : [])
        t.resource("EksClusterRole", "AWS::IAM::Role", [
            "Description": .string("EKS control plane of \(plan.design.cluster)"),
            "AssumeRolePolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Principal": ["Service": "eks.amazonaws.com"], "Action": ["sts:AssumeRole", "sts:TagSession"]]],
            ],
            "ManagedPolicyArns": .array(clusterPolicies.map { Fn.sub("arn:${AWS::Partition}:iam::aws:policy/\($0)") }),
        ])
        t.resource("EksClusterControlPlaneSecurityGroup", "AWS::EC2::SecurityGroup", [
            "GroupDescription": .string("EKS control plane ENIs of \(plan.design.cluster)"),
            "VpcId": Fn.imported("NetworkStack", "VpcId"),
            "SecurityGroupEgress": [[
                "Description": "To nodes and pods in the VPC",
                "IpProtocol": "-1",
                "CidrIp": Fn.imported("NetworkStack", "VpcCidr"),
            ]],
            "Tags": Fn.tags([("Name", .string("\(plan.design.cluster)-control-plane"))]),
        ])
        t.resource("EksSecretsKey", "AWS::KMS::Key", [
            "Description": .string("Encrypts the Kubernetes secrets of \(plan.design.cluster)"),
            "EnableKeyRotation": true,
            "KeyPolicy": [
                "Version": "2012-10-17",
                "Statement": [[
                    "Sid": "AccountAdministers",
                    "Effect": "Allow",
                    "Principal": ["AWS": Fn.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")],
                    "Action": "kms:*",
                    "Resource": "*",
                ]],
            ],
        ], deletionPolicy: "Retain")
        let logTypes: [JSONValue] = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
        var cluster: [(String, JSONValue)] = [
            ("Name", .string(plan.design.cluster)),
            ("Version", Fn.ref("KubernetesVersion")),
            ("RoleArn", Fn.getAtt("EksClusterRole", "Arn")),
            ("ResourcesVpcConfig", [
                "SubnetIds": Fn.importedList("NetworkStack", plan.design.clusterSubnets.exportName),
                "SecurityGroupIds": [Fn.ref("EksClusterControlPlaneSecurityGroup")],
                "EndpointPrivateAccess": true,
                "EndpointPublicAccess": false,
            ]),
            ("AccessConfig", ["AuthenticationMode": "API_AND_CONFIG_MAP", "BootstrapClusterCreatorAdminPermissions": true]),
            ("EncryptionConfig", [["Provider": ["KeyArn": Fn.getAtt("EksSecretsKey", "Arn")], "Resources": ["secrets"]]]),
            ("Logging", ["ClusterLogging": ["EnabledTypes": .array(logTypes.map { ["Type": $0] })]]),
        ]
        switch plan.design.clusterMode {
        case .auto:
            // Compute, block storage and load balancing are turned on together, as Auto Mode requires;
            // its built-in node pools run in the cluster's subnets (the node subnets) with the node role.
            cluster += [
                ("ComputeConfig", ["Enabled": true, "NodePools": ["general-purpose", "system"], "NodeRoleArn": Fn.getAtt("EksNodeRole", "Arn")]),
                ("StorageConfig", ["BlockStorage": ["Enabled": true]]),
                ("KubernetesNetworkConfig", ["ElasticLoadBalancing": ["Enabled": true]]),
                ("BootstrapSelfManagedAddons", false),
            ]
            t.resource("EksCluster", "AWS::EKS::Cluster", .object(cluster))
            t.resource("EksNodeRole", "AWS::IAM::Role", [
                "Description": .string("EKS Auto Mode nodes of \(plan.design.cluster)"),
                "AssumeRolePolicyDocument": [
                    "Version": "2012-10-17",
                    "Statement": [["Effect": "Allow", "Principal": ["Service": "ec2.amazonaws.com"], "Action": "sts:AssumeRole"]],
                ],
                "ManagedPolicyArns": .array(["AmazonEKSWorkerNodeMinimalPolicy", "AmazonEC2ContainerRegistryPullOnly"].map {
                    Fn.sub("arn:${AWS::Partition}:iam::aws:policy/\($0)")
                }),
            ])
        case .standard:
            t.resource("EksCluster", "AWS::EKS::Cluster", .object(cluster))
            t.resource("EksPodIdentityAgent", "AWS::EKS::Addon", [
                "ClusterName": Fn.ref("EksCluster"),
                "AddonName": "eks-pod-identity-agent",
            ])
            t.resource("EksNodeRole", "AWS::IAM::Role", [
                "Description": .string("Worker nodes of \(plan.design.cluster)"),
                "AssumeRolePolicyDocument": [
                    "Version": "2012-10-17",
                    "Statement": [["Effect": "Allow", "Principal": ["Service": "ec2.amazonaws.com"], "Action": "sts:AssumeRole"]],
                ],
                "ManagedPolicyArns": .array(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"].map {
                    Fn.sub("arn:${AWS::Partition}:iam::aws:policy/\($0)")
                }),
            ])
            let nodes = plan.capacity
            let azs = plan.availabilityZones.count
            t.resource("EksNodeGroup", "AWS::EKS::Nodegroup", [
                "ClusterName": Fn.ref("EksCluster"),
                "NodeRole": Fn.getAtt("EksNodeRole", "Arn"),
                "Subnets": Fn.importedList("NetworkStack", SubnetRole.nodes.exportName),
                "InstanceTypes": [Fn.ref("NodeInstanceType")],
                "ScalingConfig": [
                    "MinSize": .int(min(azs, nodes.requestedNodes)),
                    "DesiredSize": .int(min(azs, nodes.requestedNodes)),
                    "MaxSize": .int(nodes.requestedNodes),
                ],
            ])
        }
        t.output("EksClusterResourceName", Fn.ref("EksCluster"), description: "The EKS cluster's name (the seed's output)", export: true)
        t.output("EksClusterControlPlaneSecurityGroupId", Fn.ref("EksClusterControlPlaneSecurityGroup"), description: "The control plane's additional security group (the seed's output)", export: true)
        t.output("EksClusterSecurityGroupId", Fn.getAtt("EksCluster", "ClusterSecurityGroupId"), description: "The cluster security group EKS made, which nodes and pods carry", export: true)
        t.output("EksClusterArn", Fn.getAtt("EksCluster", "Arn"), description: "The EKS cluster's ARN", export: true)
        return t
    }
}
