# edgeplan vault-api: network (VPC 10.60.0.0/18, 3 AZs, 18 subnets as planned in plan.json)

data "aws_region" "current" {}

resource "aws_vpc" "vpc" {
  #checkov:skip=CKV2_AWS_11:Flow logs need a destination the account chooses (a log group or bucket, and a role); the CloudFormation network stack makes none either. Add an aws_flow_log to your log destination.
  #checkov:skip=CKV2_AWS_12:The default security group stays as AWS makes it, as in the CloudFormation network stack; nothing edgeplan makes uses it (every load balancer, endpoint and node has its own group).
  cidr_block           = "10.60.0.0/18"
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags = {
    Name           = "vault-api-vpc"
    "edgeplan:env" = "vault-api"
  }
}

resource "aws_vpc_ipv4_cidr_block_association" "pod_cidr_block" {
  vpc_id     = aws_vpc.vpc.id
  cidr_block = "100.64.0.0/20"
}

resource "aws_internet_gateway" "internet_gateway" {
  tags = {
    Name = "vault-api-igw"
  }
}

resource "aws_internet_gateway_attachment" "internet_gateway_attachment" {
  vpc_id              = aws_vpc.vpc.id
  internet_gateway_id = aws_internet_gateway.internet_gateway.id
}

resource "aws_route_table" "public_route_table" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "vault-api-public"
  }
}

resource "aws_route" "public_default_route" {
  route_table_id         = aws_route_table.public_route_table.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.internet_gateway.id
  depends_on             = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_subnet" "public_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.60.0.0/27"
  tags = {
    Name                                  = "vault-api-public-a"
    "kubernetes.io/cluster/vault-api-eks" = "shared"
    "kubernetes.io/role/elb"              = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.60.1.128/28"
  tags = {
    Name                                  = "vault-api-internal-elb-a"
    "kubernetes.io/cluster/vault-api-eks" = "shared"
    "kubernetes.io/role/internal-elb"     = "1"
  }
}

resource "aws_subnet" "endpoints_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.60.0.128/27"
  tags = {
    Name = "vault-api-endpoints-a"
  }
}

resource "aws_subnet" "control_plane_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.60.1.0/27"
  tags = {
    Name = "vault-api-control-plane-a"
  }
}

resource "aws_subnet" "nodes_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.60.1.192/28"
  tags = {
    Name = "vault-api-nodes-a"
  }
}

resource "aws_subnet" "pods_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "100.64.0.0/23"
  tags = {
    Name = "vault-api-pods-a"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_subnet" "public_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.60.0.32/27"
  tags = {
    Name                                  = "vault-api-public-b"
    "kubernetes.io/cluster/vault-api-eks" = "shared"
    "kubernetes.io/role/elb"              = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.60.1.144/28"
  tags = {
    Name                                  = "vault-api-internal-elb-b"
    "kubernetes.io/cluster/vault-api-eks" = "shared"
    "kubernetes.io/role/internal-elb"     = "1"
  }
}

resource "aws_subnet" "endpoints_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.60.0.160/27"
  tags = {
    Name = "vault-api-endpoints-b"
  }
}

resource "aws_subnet" "control_plane_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.60.1.32/27"
  tags = {
    Name = "vault-api-control-plane-b"
  }
}

resource "aws_subnet" "nodes_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.60.1.208/28"
  tags = {
    Name = "vault-api-nodes-b"
  }
}

resource "aws_subnet" "pods_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "100.64.2.0/23"
  tags = {
    Name = "vault-api-pods-b"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_subnet" "public_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.60.0.64/27"
  tags = {
    Name                                  = "vault-api-public-c"
    "kubernetes.io/cluster/vault-api-eks" = "shared"
    "kubernetes.io/role/elb"              = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.60.1.160/28"
  tags = {
    Name                                  = "vault-api-internal-elb-c"
    "kubernetes.io/cluster/vault-api-eks" = "shared"
    "kubernetes.io/role/internal-elb"     = "1"
  }
}

resource "aws_subnet" "endpoints_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.60.0.192/27"
  tags = {
    Name = "vault-api-endpoints-c"
  }
}

resource "aws_subnet" "control_plane_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.60.1.64/27"
  tags = {
    Name = "vault-api-control-plane-c"
  }
}

resource "aws_subnet" "nodes_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.60.1.224/28"
  tags = {
    Name = "vault-api-nodes-c"
  }
}

resource "aws_subnet" "pods_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "100.64.4.0/23"
  tags = {
    Name = "vault-api-pods-c"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_route_table" "private_route_table_a" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "vault-api-private-a"
  }
}

resource "aws_route_table" "private_route_table_b" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "vault-api-private-b"
  }
}

resource "aws_route_table" "private_route_table_c" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "vault-api-private-c"
  }
}

resource "aws_route_table_association" "public_subnet_a_route_table_association" {
  subnet_id      = aws_subnet.public_subnet_a.id
  route_table_id = aws_route_table.public_route_table.id
}

resource "aws_route_table_association" "internal_elb_subnet_a_route_table_association" {
  subnet_id      = aws_subnet.internal_elb_subnet_a.id
  route_table_id = aws_route_table.private_route_table_a.id
}

resource "aws_route_table_association" "endpoints_subnet_a_route_table_association" {
  subnet_id      = aws_subnet.endpoints_subnet_a.id
  route_table_id = aws_route_table.private_route_table_a.id
}

resource "aws_route_table_association" "control_plane_subnet_a_route_table_association" {
  subnet_id      = aws_subnet.control_plane_subnet_a.id
  route_table_id = aws_route_table.private_route_table_a.id
}

resource "aws_route_table_association" "nodes_subnet_a_route_table_association" {
  subnet_id      = aws_subnet.nodes_subnet_a.id
  route_table_id = aws_route_table.private_route_table_a.id
}

resource "aws_route_table_association" "pods_subnet_a_route_table_association" {
  subnet_id      = aws_subnet.pods_subnet_a.id
  route_table_id = aws_route_table.private_route_table_a.id
}

resource "aws_route_table_association" "public_subnet_b_route_table_association" {
  subnet_id      = aws_subnet.public_subnet_b.id
  route_table_id = aws_route_table.public_route_table.id
}

resource "aws_route_table_association" "internal_elb_subnet_b_route_table_association" {
  subnet_id      = aws_subnet.internal_elb_subnet_b.id
  route_table_id = aws_route_table.private_route_table_b.id
}

resource "aws_route_table_association" "endpoints_subnet_b_route_table_association" {
  subnet_id      = aws_subnet.endpoints_subnet_b.id
  route_table_id = aws_route_table.private_route_table_b.id
}

resource "aws_route_table_association" "control_plane_subnet_b_route_table_association" {
  subnet_id      = aws_subnet.control_plane_subnet_b.id
  route_table_id = aws_route_table.private_route_table_b.id
}

resource "aws_route_table_association" "nodes_subnet_b_route_table_association" {
  subnet_id      = aws_subnet.nodes_subnet_b.id
  route_table_id = aws_route_table.private_route_table_b.id
}

resource "aws_route_table_association" "pods_subnet_b_route_table_association" {
  subnet_id      = aws_subnet.pods_subnet_b.id
  route_table_id = aws_route_table.private_route_table_b.id
}

resource "aws_route_table_association" "public_subnet_c_route_table_association" {
  subnet_id      = aws_subnet.public_subnet_c.id
  route_table_id = aws_route_table.public_route_table.id
}

resource "aws_route_table_association" "internal_elb_subnet_c_route_table_association" {
  subnet_id      = aws_subnet.internal_elb_subnet_c.id
  route_table_id = aws_route_table.private_route_table_c.id
}

resource "aws_route_table_association" "endpoints_subnet_c_route_table_association" {
  subnet_id      = aws_subnet.endpoints_subnet_c.id
  route_table_id = aws_route_table.private_route_table_c.id
}

resource "aws_route_table_association" "control_plane_subnet_c_route_table_association" {
  subnet_id      = aws_subnet.control_plane_subnet_c.id
  route_table_id = aws_route_table.private_route_table_c.id
}

resource "aws_route_table_association" "nodes_subnet_c_route_table_association" {
  subnet_id      = aws_subnet.nodes_subnet_c.id
  route_table_id = aws_route_table.private_route_table_c.id
}

resource "aws_route_table_association" "pods_subnet_c_route_table_association" {
  subnet_id      = aws_subnet.pods_subnet_c.id
  route_table_id = aws_route_table.private_route_table_c.id
}

resource "aws_security_group" "vpc_endpoint_security_group" {
  description = "Interface endpoints of vault-api: HTTPS from the VPC (no NAT gateway)"
  vpc_id      = aws_vpc.vpc.id
  ingress {
    description = "HTTPS from nodes and pods in the VPC's primary block"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [aws_vpc.vpc.cidr_block]
  }
  ingress {
    description = "HTTPS from pods in 100.64.0.0/20"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["100.64.0.0/20"]
  }
  egress {
    description = "Endpoint ENIs start no connections; replies only"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [aws_vpc.vpc.cidr_block]
  }
  tags = {
    Name = "vault-api-vpc-endpoints"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_vpc_endpoint" "ec2_endpoint" {
  vpc_endpoint_type   = "Interface"
  service_name        = "com.amazonaws.${data.aws_region.current.name}.ec2"
  vpc_id              = aws_vpc.vpc.id
  subnet_ids          = [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id]
  security_group_ids  = [aws_security_group.vpc_endpoint_security_group.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "ecr_api_endpoint" {
  vpc_endpoint_type   = "Interface"
  service_name        = "com.amazonaws.${data.aws_region.current.name}.ecr.api"
  vpc_id              = aws_vpc.vpc.id
  subnet_ids          = [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id]
  security_group_ids  = [aws_security_group.vpc_endpoint_security_group.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "ecr_dkr_endpoint" {
  vpc_endpoint_type   = "Interface"
  service_name        = "com.amazonaws.${data.aws_region.current.name}.ecr.dkr"
  vpc_id              = aws_vpc.vpc.id
  subnet_ids          = [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id]
  security_group_ids  = [aws_security_group.vpc_endpoint_security_group.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "s3_endpoint" {
  vpc_endpoint_type = "Gateway"
  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"
  vpc_id            = aws_vpc.vpc.id
  route_table_ids   = [aws_route_table.private_route_table_a.id, aws_route_table.private_route_table_b.id, aws_route_table.private_route_table_c.id]
}

resource "aws_vpc_endpoint" "elasticloadbalancing_endpoint" {
  vpc_endpoint_type   = "Interface"
  service_name        = "com.amazonaws.${data.aws_region.current.name}.elasticloadbalancing"
  vpc_id              = aws_vpc.vpc.id
  subnet_ids          = [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id]
  security_group_ids  = [aws_security_group.vpc_endpoint_security_group.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "logs_endpoint" {
  vpc_endpoint_type   = "Interface"
  service_name        = "com.amazonaws.${data.aws_region.current.name}.logs"
  vpc_id              = aws_vpc.vpc.id
  subnet_ids          = [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id]
  security_group_ids  = [aws_security_group.vpc_endpoint_security_group.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "sts_endpoint" {
  vpc_endpoint_type   = "Interface"
  service_name        = "com.amazonaws.${data.aws_region.current.name}.sts"
  vpc_id              = aws_vpc.vpc.id
  subnet_ids          = [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id]
  security_group_ids  = [aws_security_group.vpc_endpoint_security_group.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "eks_auth_endpoint" {
  vpc_endpoint_type   = "Interface"
  service_name        = "com.amazonaws.${data.aws_region.current.name}.eks-auth"
  vpc_id              = aws_vpc.vpc.id
  subnet_ids          = [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id]
  security_group_ids  = [aws_security_group.vpc_endpoint_security_group.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "eks_endpoint" {
  vpc_endpoint_type   = "Interface"
  service_name        = "com.amazonaws.${data.aws_region.current.name}.eks"
  vpc_id              = aws_vpc.vpc.id
  subnet_ids          = [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id]
  security_group_ids  = [aws_security_group.vpc_endpoint_security_group.id]
  private_dns_enabled = true
}
