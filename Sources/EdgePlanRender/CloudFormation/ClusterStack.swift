import EdgePlanCore

/// The `cluster` stack: the EKS cluster in the control-plane subnets with its role and security
/// group (outputs named as in the 2018 report), secrets encrypted with its own KMS key, every
/// control-plane log type on, the VPC CNI add-on in the plan's mode, a managed node group of the
/// plan's instance type in the node subnets (kubelet maxPods = podsPerNode), and the EKS Pod
/// Identity agent the AWS Load Balancer Controller's role is handed out by. In EKS Auto
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
            "SecurityGroupEgress": .array([[
                "Description": "To nodes and pods in the VPC",
                "IpProtocol": "-1",
                "CidrIp": Fn.imported("NetworkStack", "VpcCidr"),
            ]] + plan.vpc.secondaryCidrs.map { ["Description": "To pods in the pod block", "IpProtocol": "-1", "CidrIp": .string($0.description)] }),
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
            addVPCCNI(&t)
            addNodeGroup(&t)
        }
        t.output("EksClusterResourceName", Fn.ref("EksCluster"), description: "The EKS cluster's name (the seed's output)", export: true)
        t.output("EksClusterControlPlaneSecurityGroupId", Fn.ref("EksClusterControlPlaneSecurityGroup"), description: "The control plane's additional security group (the seed's output)", export: true)
        t.output("EksClusterSecurityGroupId", Fn.getAtt("EksCluster", "ClusterSecurityGroupId"), description: "The cluster security group EKS made, which nodes and pods carry", export: true)
        t.output("EksClusterArn", Fn.getAtt("EksCluster", "Arn"), description: "The EKS cluster's ARN", export: true)
        return t
    }

    /// The VPC CNI as an EKS add-on, configured as the plan sized the subnets: secondary-IP or
    /// prefix mode with its warm target, and with custom networking an ENIConfig per AZ (the
    /// add-on's `eniConfig`, named for the zone, which `ENI_CONFIG_LABEL_DEF` matches on each
    /// node) that puts pods in the AZ's pod subnet with the cluster security group. With AZ IDs the
    /// zone names are the account's, unknown at plan time: the ENIConfigs are named for the AZ IDs
    /// and matched by the `topology.k8s.aws/zone-id` label the AWS cloud controller manager puts
    /// on every node (kubernetes/cloud-provider-aws #855).
    private func addVPCCNI(_ t: inout CloudFormationTemplate) {
        let cni = plan.nodes.cni
        var env: [(String, JSONValue)]
        switch cni.mode {
        case .secondaryIP: env = [("WARM_ENI_TARGET", .string(String(cni.warmENITarget)))]
        case .prefix: env = [("ENABLE_PREFIX_DELEGATION", "true"), ("WARM_PREFIX_TARGET", .string(String(cni.warmPrefixTarget)))]
        }
        var configuration: [(String, JSONValue)] = []
        var variables: [(String, JSONValue)] = []
        if cni.customNetworking {
            let label: String
            switch plan.azKind {
            case .name: label = "topology.kubernetes.io/zone"
            case .id: label = "topology.k8s.aws/zone-id"
            }
            env += [("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "true"), ("ENI_CONFIG_LABEL_DEF", .string(label))]
            let subnets = plan.availabilityZones.enumerated().map { i, az -> (String, JSONValue) in
                let name = "PodSubnet\(NetworkStack.azLetter(i))"
                variables.append((name, Fn.select(i, Fn.split(",", Fn.imported("NetworkStack", SubnetRole.pods.exportName)))))
                return (az, ["id": .string("${\(name)}"), "securityGroups": ["${ClusterSecurityGroup}"]])
            }
            variables.append(("ClusterSecurityGroup", Fn.getAtt("EksCluster", "ClusterSecurityGroupId")))
            configuration = [("eniConfig", .object([("create", true), ("region", .string(plan.design.region)), ("subnets", .object(subnets))]))]
        }
        let text = JSONValue.object([("env", .object(env))] + configuration).compact()
        t.resource("EksVpcCniAddon", "AWS::EKS::Addon", [
            "ClusterName": Fn.ref("EksCluster"),
            "AddonName": "vpc-cni",
            // EKS installs the VPC CNI with every cluster; the add-on takes it over with this configuration.
            "ResolveConflicts": "OVERWRITE",
            "ConfigurationValues": variables.isEmpty ? .string(text) : Fn.sub(text, variables),
        ])
    }

    /// The managed node group: the plan's instance type, and a launch template whose NodeConfig
    /// (AL2023) sets the kubelet's maxPods to podsPerNode, so that no node takes more addresses than
    /// its subnets were sized for. It waits for the VPC CNI add-on, so nodes start in its mode.
    private func addNodeGroup(_ t: inout CloudFormationTemplate) {
        let nodes = plan.capacity
        let azs = plan.availabilityZones.count
        let nodeConfig = """
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="//"

            --//
            Content-Type: application/node.eks.aws

            apiVersion: node.eks.aws/v1alpha1
            kind: NodeConfig
            spec:
              kubelet:
                config:
                  maxPods: \(plan.nodes.kubeletMaxPods)

            --//--

            """
        t.resource("EksNodeLaunchTemplate", "AWS::EC2::LaunchTemplate", [
            "LaunchTemplateData": [
                "UserData": ["Fn::Base64": .string(nodeConfig)],
                "MetadataOptions": ["HttpTokens": "required", "HttpPutResponseHopLimit": 1],
            ],
        ])
        t.resource("EksNodeGroup", "AWS::EKS::Nodegroup", [
            "ClusterName": Fn.ref("EksCluster"),
            "NodeRole": Fn.getAtt("EksNodeRole", "Arn"),
            "Subnets": Fn.importedList("NetworkStack", SubnetRole.nodes.exportName),
            "InstanceTypes": [.string(plan.nodes.instanceType.name)],
            "AmiType": .string(plan.nodes.instanceType.graviton ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD"),
            "LaunchTemplate": ["Id": Fn.ref("EksNodeLaunchTemplate"), "Version": Fn.getAtt("EksNodeLaunchTemplate", "LatestVersionNumber")],
            "ScalingConfig": [
                "MinSize": .int(min(azs, nodes.requestedNodes)),
                "DesiredSize": .int(min(azs, nodes.requestedNodes)),
                "MaxSize": .int(nodes.requestedNodes),
            ],
        ], dependsOn: ["EksVpcCniAddon"])
    }
}
