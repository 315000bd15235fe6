import EdgePlanCore

/// The `network` stack: the VPC, its pod CIDR, the internet gateway, NAT gateways and route tables,
/// every planned subnet with the CIDR, AZ and tags of `plan.json`, and, with no NAT gateway, the VPC
/// endpoints the cluster needs instead. Exports the subnet IDs per role.
struct NetworkStack: Sendable {
    var plan: Plan
    var names: DeploymentNames

    static func subnetID(_ subnet: PlannedSubnet, azIndex: Int) -> String {
        "\(subnet.role.logicalName)Subnet\(azLetter(azIndex))"
    }

    static func azLetter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index % 26))) + (index >= 26 ? String(index / 26) : "")
    }

    private func azIndex(_ az: String) -> Int { plan.availabilityZones.firstIndex(of: az) ?? 0 }

    func template() -> CloudFormationTemplate {
        var t = CloudFormationTemplate(description: "edgeplan \(plan.design.name): network (VPC \(plan.vpc.cidr), \(plan.availabilityZones.count) AZs, \(plan.subnets.count) subnets as planned in plan.json)")
        let name = plan.design.name
        t.resource("Vpc", "AWS::EC2::VPC", [
            "CidrBlock": .string(plan.vpc.cidr.description),
            "EnableDnsHostnames": true,
            "EnableDnsSupport": true,
            // edgeplan:env is how `cidr import` knows this VPC is the environment's own block.
            "Tags": Fn.tags([("Name", .string("\(name)-vpc")), ("edgeplan:env", .string(name))]),
        ])
        var secondaryIDs: [String] = []
        for (i, cidr) in plan.vpc.secondaryCidrs.enumerated() {
            let id = i == 0 ? "PodCidrBlock" : "PodCidrBlock\(i + 1)"
            secondaryIDs.append(id)
            t.resource(id, "AWS::EC2::VPCCidrBlock", ["VpcId": Fn.ref("Vpc"), "CidrBlock": .string(cidr.description)])
        }
        t.resource("InternetGateway", "AWS::EC2::InternetGateway", ["Tags": Fn.tags([("Name", .string("\(name)-igw"))])])
        t.resource("InternetGatewayAttachment", "AWS::EC2::VPCGatewayAttachment", [
            "VpcId": Fn.ref("Vpc"), "InternetGatewayId": Fn.ref("InternetGateway"),
        ])
        t.resource("PublicRouteTable", "AWS::EC2::RouteTable", [
            "VpcId": Fn.ref("Vpc"), "Tags": Fn.tags([("Name", .string("\(name)-public"))]),
        ])
        t.resource("PublicDefaultRoute", "AWS::EC2::Route", [
            "RouteTableId": Fn.ref("PublicRouteTable"), "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": Fn.ref("InternetGateway"),
        ], dependsOn: ["InternetGatewayAttachment"])

        // Subnets, exactly as planned.
        for subnet in plan.subnets {
            let index = azIndex(subnet.az)
            let id = Self.subnetID(subnet, azIndex: index)
            // By AZ ID when the design lists AZ IDs: the same physical zone in every account.
            let zone: (String, JSONValue) = subnet.azId.map { ("AvailabilityZoneId", .string($0)) } ?? ("AvailabilityZone", .string(subnet.az))
            t.resource(id, "AWS::EC2::Subnet", .object([
                ("VpcId", Fn.ref("Vpc")),
                zone,
                ("CidrBlock", .string(subnet.cidr.description)),
                ("Tags", Fn.tags(subnet.tags.map { ($0.key, .string($0.value)) })),
            ]), dependsOn: subnet.role == .pods ? secondaryIDs : [], suppress: subnet.azId != nil ? [] : [
                .cfnLint("W3010", "The plan chose these Availability Zones (plan.json availabilityZones); each subnet's CIDR is sized and placed for its AZ, so the zone is part of the design, not a portability accident."),
            ])
        }

        // Prefix mode: each node (or pod) subnet keeps a block for the VPC CNI's /28 prefixes, so
        // single addresses never fragment it (EKS "Increase the available IP addresses").
        for subnet in plan.subnets {
            guard let reservation = subnet.prefixReservation else { continue }
            let id = Self.subnetID(subnet, azIndex: azIndex(subnet.az))
            t.resource("\(id)PrefixReservation", "AWS::EC2::SubnetCidrReservation", [
                "SubnetId": Fn.ref(id),
                "Cidr": .string(reservation.description),
                "ReservationType": "prefix",
                "Description": .string("VPC CNI /28 prefixes of the \(subnet.role.rawValue) in \(subnet.az)"),
            ], suppress: [
                .cfnLint("E3006", "The CloudFormation Template Reference documents AWS::EC2::SubnetCidrReservation (Cidr, ReservationType prefix|explicit, SubnetId); the registry schemas cfn-lint ships here predate it."),
            ])
        }

        // NAT gateways: one per AZ, one shared, or none, each in its AZ's public subnet.
        let publicSubnets = plan.subnets(role: .public)
        var natIDs: [String] = []
        if plan.vpc.natGateways != .none {
            let hosts = plan.vpc.natGateways == .single ? Array(publicSubnets.prefix(1)) : publicSubnets
            for subnet in hosts {
                let letter = Self.azLetter(azIndex(subnet.az))
                t.resource("NatEip\(letter)", "AWS::EC2::EIP", [
                    "Domain": "vpc", "Tags": Fn.tags([("Name", .string("\(name)-nat-\(letter.lowercased())"))]),
                ], dependsOn: ["InternetGatewayAttachment"])
                t.resource("NatGateway\(letter)", "AWS::EC2::NatGateway", [
                    "AllocationId": Fn.getAtt("NatEip\(letter)", "AllocationId"),
                    "SubnetId": Fn.ref(Self.subnetID(subnet, azIndex: azIndex(subnet.az))),
                    "Tags": Fn.tags([("Name", .string("\(name)-nat-\(letter.lowercased())"))]),
                ])
                natIDs.append("NatGateway\(letter)")
            }
        }
        for (i, az) in plan.availabilityZones.enumerated() {
            let letter = Self.azLetter(i)
            t.resource("PrivateRouteTable\(letter)", "AWS::EC2::RouteTable", [
                "VpcId": Fn.ref("Vpc"), "Tags": Fn.tags([("Name", .string("\(name)-private-\(letter.lowercased())"))]),
            ])
            if !natIDs.isEmpty {
                let nat = natIDs.count == 1 ? natIDs[0] : natIDs[min(i, natIDs.count - 1)]
                t.resource("PrivateDefaultRoute\(letter)", "AWS::EC2::Route", [
                    "RouteTableId": Fn.ref("PrivateRouteTable\(letter)"), "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": Fn.ref(nat),
                ])
            }
            _ = az
        }
        for subnet in plan.subnets {
            let index = azIndex(subnet.az)
            let id = Self.subnetID(subnet, azIndex: index)
            let table = subnet.role == .public ? "PublicRouteTable" : "PrivateRouteTable\(Self.azLetter(index))"
            t.resource("\(id)RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation", [
                "SubnetId": Fn.ref(id), "RouteTableId": Fn.ref(table),
            ])
        }

        addEndpoints(&t, secondaryIDs: secondaryIDs)

        t.output("VpcId", Fn.ref("Vpc"), description: "The VPC", export: true)
        t.output("VpcCidr", Fn.getAtt("Vpc", "CidrBlock"), description: "The VPC's primary CIDR block", export: true)
        t.output("AvailabilityZones", .string(plan.availabilityZones.joined(separator: ",")), description: "The planned Availability Zones\(plan.azKind == .id ? " (AZ IDs)" : ""), comma-separated, in the order every *SubnetIds export follows (the control-plane export skips any AZ EKS refuses)", export: true)
        for role in SubnetRole.allCases {
            let subnets = plan.subnets(role: role)
            guard !subnets.isEmpty else { continue }
            t.output(role.exportName, Fn.join(",", subnets.map { Fn.ref(Self.subnetID($0, azIndex: azIndex($0.az))) }),
                     description: "The \(role.rawValue) subnets, comma-separated, in AZ order", export: true)
        }
        return t
    }

    /// The logical ID of a VPC endpoint: `EcrApiEndpoint` for `ecr.api`, `S3Endpoint` for `s3`.
    static func endpointID(_ endpoint: VPCEndpointService) -> String {
        endpoint.service.split(whereSeparator: { $0 == "." || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Endpoint"
    }

    /// With no NAT gateway, the VPC endpoints of the plan (`plan.vpc.endpoints`): each interface
    /// endpoint in every AZ's endpoint subnet with private DNS, behind one security group that admits
    /// HTTPS from the VPC's blocks, and the S3 gateway endpoint on every private route table.
    private func addEndpoints(_ t: inout CloudFormationTemplate, secondaryIDs: [String]) {
        let endpoints = plan.vpc.endpoints
        guard !endpoints.isEmpty else { return }
        let name = plan.design.name
        let interfaces = plan.vpc.interfaceEndpoints
        if !interfaces.isEmpty {
            var ingress: [JSONValue] = [[
                "Description": "HTTPS from nodes and pods in the VPC's primary block",
                "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": Fn.getAtt("Vpc", "CidrBlock"),
            ]]
            for cidr in plan.vpc.secondaryCidrs {
                ingress.append([
                    "Description": .string("HTTPS from pods in \(cidr)"),
                    "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": .string(cidr.description),
                ])
            }
            t.resource("VpcEndpointSecurityGroup", "AWS::EC2::SecurityGroup", [
                "GroupDescription": .string("Interface endpoints of \(name): HTTPS from the VPC (no NAT gateway)"),
                "VpcId": Fn.ref("Vpc"),
                "SecurityGroupIngress": .array(ingress),
                "SecurityGroupEgress": [[
                    "Description": "Endpoint ENIs start no connections; replies only",
                    "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": Fn.getAtt("Vpc", "CidrBlock"),
                ]],
                "Tags": Fn.tags([("Name", .string("\(name)-vpc-endpoints"))]),
            ], dependsOn: secondaryIDs)
        }
        let subnets = plan.subnets(role: .endpoints).map { Fn.ref(Self.subnetID($0, azIndex: azIndex($0.az))) }
        let routeTables = plan.availabilityZones.indices.map { Fn.ref("PrivateRouteTable\(Self.azLetter($0))") }
        for endpoint in endpoints {
            let serviceName = Fn.sub("com.amazonaws.${AWS::Region}.\(endpoint.service)")
            switch endpoint.type {
            case .interface:
                t.resource(Self.endpointID(endpoint), "AWS::EC2::VPCEndpoint", [
                    "VpcEndpointType": "Interface",
                    "ServiceName": serviceName,
                    "VpcId": Fn.ref("Vpc"),
                    "SubnetIds": .array(subnets),
                    "SecurityGroupIds": [Fn.ref("VpcEndpointSecurityGroup")],
                    "PrivateDnsEnabled": true,
                ])
            case .gateway:
                t.resource(Self.endpointID(endpoint), "AWS::EC2::VPCEndpoint", [
                    "VpcEndpointType": "Gateway",
                    "ServiceName": serviceName,
                    "VpcId": Fn.ref("Vpc"),
                    "RouteTableIds": .array(routeTables),
                ])
            }
        }
    }
}
