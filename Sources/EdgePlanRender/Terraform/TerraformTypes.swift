import Foundation

/// Which Terraform resource type builds each CloudFormation resource type the stacks use, and what
/// CloudFormation's `Ref` and `Fn::GetAtt` of it are in Terraform. One table, so the translation
/// of a template never guesses; a type missing here stops the emitter (a test emits every example).
enum TerraformTypes {
    struct Mapping: Sendable {
        /// The Terraform resource type.
        var type: String
        /// The attribute CloudFormation's `Ref` returns for this type.
        var ref: String
    }

    static let mappings: [String: Mapping] = [
        "AWS::EC2::VPC": Mapping(type: "aws_vpc", ref: "id"),
        "AWS::EC2::VPCCidrBlock": Mapping(type: "aws_vpc_ipv4_cidr_block_association", ref: "id"),
        "AWS::EC2::InternetGateway": Mapping(type: "aws_internet_gateway", ref: "id"),
        "AWS::EC2::VPCGatewayAttachment": Mapping(type: "aws_internet_gateway_attachment", ref: "id"),
        "AWS::EC2::RouteTable": Mapping(type: "aws_route_table", ref: "id"),
        "AWS::EC2::Route": Mapping(type: "aws_route", ref: "id"),
        "AWS::EC2::Subnet": Mapping(type: "aws_subnet", ref: "id"),
        "AWS::EC2::SubnetCidrReservation": Mapping(type: "aws_ec2_subnet_cidr_reservation", ref: "id"),
        // Ref of an Elastic IP is its address.
        "AWS::EC2::EIP": Mapping(type: "aws_eip", ref: "public_ip"),
        "AWS::EC2::NatGateway": Mapping(type: "aws_nat_gateway", ref: "id"),
        "AWS::EC2::SubnetRouteTableAssociation": Mapping(type: "aws_route_table_association", ref: "id"),
        "AWS::EC2::SecurityGroup": Mapping(type: "aws_security_group", ref: "id"),
        "AWS::EC2::VPCEndpoint": Mapping(type: "aws_vpc_endpoint", ref: "id"),
        "AWS::EC2::VPCEndpointService": Mapping(type: "aws_vpc_endpoint_service", ref: "id"),
        "AWS::EC2::LaunchTemplate": Mapping(type: "aws_launch_template", ref: "id"),
        "AWS::IAM::Role": Mapping(type: "aws_iam_role", ref: "name"),
        "AWS::KMS::Key": Mapping(type: "aws_kms_key", ref: "key_id"),
        "AWS::EKS::Cluster": Mapping(type: "aws_eks_cluster", ref: "name"),
        "AWS::EKS::Addon": Mapping(type: "aws_eks_addon", ref: "id"),
        "AWS::EKS::Nodegroup": Mapping(type: "aws_eks_node_group", ref: "id"),
        "AWS::EKS::PodIdentityAssociation": Mapping(type: "aws_eks_pod_identity_association", ref: "association_arn"),
        "AWS::ElasticLoadBalancingV2::LoadBalancer": Mapping(type: "aws_lb", ref: "arn"),
        "AWS::ElasticLoadBalancingV2::TargetGroup": Mapping(type: "aws_lb_target_group", ref: "arn"),
        "AWS::ElasticLoadBalancingV2::Listener": Mapping(type: "aws_lb_listener", ref: "arn"),
        "AWS::WAFv2::WebACL": Mapping(type: "aws_wafv2_web_acl", ref: "id"),
        "AWS::WAFv2::WebACLAssociation": Mapping(type: "aws_wafv2_web_acl_association", ref: "id"),
        "AWS::WAFv2::LoggingConfiguration": Mapping(type: "aws_wafv2_web_acl_logging_configuration", ref: "id"),
        "AWS::Logs::LogGroup": Mapping(type: "aws_cloudwatch_log_group", ref: "name"),
        "AWS::Lambda::Function": Mapping(type: "aws_lambda_function", ref: "function_name"),
        "AWS::Lambda::Permission": Mapping(type: "aws_lambda_permission", ref: "id"),
        "AWS::Events::Rule": Mapping(type: "aws_cloudwatch_event_rule", ref: "name"),
        "AWS::SSM::Parameter": Mapping(type: "aws_ssm_parameter", ref: "name"),
        // Ref of a certificate is its ARN; listeners take it once DNS validation has finished.
        "AWS::CertificateManager::Certificate": Mapping(type: "aws_acm_certificate", ref: "arn"),
        "AWS::SecretsManager::Secret": Mapping(type: "aws_secretsmanager_secret", ref: "arn"),
        "AWS::Route53::RecordSet": Mapping(type: "aws_route53_record", ref: "fqdn"),
        "AWS::CloudFront::Distribution": Mapping(type: "aws_cloudfront_distribution", ref: "id"),
        "AWS::CloudFront::VpcOrigin": Mapping(type: "aws_cloudfront_vpc_origin", ref: "id"),
        "AWS::ApiGateway::RestApi": Mapping(type: "aws_api_gateway_rest_api", ref: "id"),
        "AWS::ApiGateway::Resource": Mapping(type: "aws_api_gateway_resource", ref: "id"),
        "AWS::ApiGateway::Method": Mapping(type: "aws_api_gateway_method", ref: "id"),
        "AWS::ApiGateway::Deployment": Mapping(type: "aws_api_gateway_deployment", ref: "id"),
        // Ref of a stage is its name.
        "AWS::ApiGateway::Stage": Mapping(type: "aws_api_gateway_stage", ref: "stage_name"),
        "AWS::ApiGateway::VpcLink": Mapping(type: "aws_api_gateway_vpc_link", ref: "id"),
        "AWS::ApiGateway::UsagePlan": Mapping(type: "aws_api_gateway_usage_plan", ref: "id"),
        "AWS::ApiGateway::ApiKey": Mapping(type: "aws_api_gateway_api_key", ref: "id"),
        "AWS::ApiGateway::UsagePlanKey": Mapping(type: "aws_api_gateway_usage_plan_key", ref: "id"),
        "AWS::ApiGatewayV2::Api": Mapping(type: "aws_apigatewayv2_api", ref: "id"),
        "AWS::ApiGatewayV2::Integration": Mapping(type: "aws_apigatewayv2_integration", ref: "id"),
        "AWS::ApiGatewayV2::Route": Mapping(type: "aws_apigatewayv2_route", ref: "id"),
        "AWS::ApiGatewayV2::Stage": Mapping(type: "aws_apigatewayv2_stage", ref: "id"),
        "AWS::ApiGatewayV2::VpcLink": Mapping(type: "aws_apigatewayv2_vpc_link", ref: "id"),
        // The id of each Global Accelerator resource is its ARN, which Ref returns.
        "AWS::GlobalAccelerator::Accelerator": Mapping(type: "aws_globalaccelerator_accelerator", ref: "id"),
        "AWS::GlobalAccelerator::Listener": Mapping(type: "aws_globalaccelerator_listener", ref: "id"),
        "AWS::GlobalAccelerator::EndpointGroup": Mapping(type: "aws_globalaccelerator_endpoint_group", ref: "id"),
    ]

    /// `Fn::GetAtt` of a type's attribute, as the Terraform attribute path.
    static let attributes: [String: [String: String]] = [
        "AWS::EC2::VPC": ["CidrBlock": "cidr_block"],
        "AWS::EC2::EIP": ["AllocationId": "allocation_id"],
        "AWS::EC2::LaunchTemplate": ["LatestVersionNumber": "latest_version"],
        "AWS::EC2::VPCEndpoint": ["NetworkInterfaceIds": "network_interface_ids"],
        "AWS::IAM::Role": ["Arn": "arn"],
        "AWS::KMS::Key": ["Arn": "arn"],
        "AWS::EKS::Cluster": ["Arn": "arn", "ClusterSecurityGroupId": "vpc_config[0].cluster_security_group_id"],
        "AWS::ElasticLoadBalancingV2::LoadBalancer": ["DNSName": "dns_name", "CanonicalHostedZoneID": "zone_id"],
        "AWS::WAFv2::WebACL": ["Arn": "arn"],
        "AWS::Lambda::Function": ["Arn": "arn"],
        "AWS::Events::Rule": ["Arn": "arn"],
        "AWS::ApiGateway::RestApi": ["RootResourceId": "root_resource_id"],
        "AWS::ApiGatewayV2::Api": ["ApiEndpoint": "api_endpoint"],
        "AWS::CloudFront::Distribution": ["DomainName": "domain_name"],
        "AWS::CloudFront::VpcOrigin": ["Id": "id"],
        "AWS::GlobalAccelerator::Accelerator": ["Ipv4Addresses": "ip_sets[0].ip_addresses", "DnsName": "dns_name"],
    ]
}

extension String {
    /// `PublicSubnetA` → `public_subnet_a`, `WebACLArn` → `web_acl_arn`, `S3Endpoint` → `s3_endpoint`.
    var snakeCased: String {
        let chars = Array(self)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = chars[i - 1]
                let nextIsLower = i + 1 < chars.count && chars[i + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { out.append("_") }
            }
            out.append(c == "-" || c == "." ? "_" : Character(c.lowercased()))
        }
        return out
    }
}
