# edgeplan ledger-api: network (VPC 10.70.0.0/18, 3 AZs, 17 subnets as planned in plan.json)

resource "aws_vpc" "vpc" {
  #checkov:skip=CKV2_AWS_11:Flow logs need a destination the account chooses (a log group or bucket, and a role); the CloudFormation network stack makes none either. Add an aws_flow_log to your log destination.
  #checkov:skip=CKV2_AWS_12:The default security group stays as AWS makes it, as in the CloudFormation network stack; nothing edgeplan makes uses it (every load balancer, endpoint and node has its own group).
  cidr_block           = "10.70.0.0/18"
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags = {
    Name           = "ledger-api-vpc"
    "edgeplan:env" = "ledger-api"
  }
}

resource "aws_vpc_ipv4_cidr_block_association" "pod_cidr_block" {
  vpc_id     = aws_vpc.vpc.id
  cidr_block = "100.64.0.0/20"
}

resource "aws_internet_gateway" "internet_gateway" {
  tags = {
    Name = "ledger-api-igw"
  }
}

resource "aws_internet_gateway_attachment" "internet_gateway_attachment" {
  vpc_id              = aws_vpc.vpc.id
  internet_gateway_id = aws_internet_gateway.internet_gateway.id
}

resource "aws_route_table" "public_route_table" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "ledger-api-public"
  }
}

resource "aws_route" "public_default_route" {
  route_table_id         = aws_route_table.public_route_table.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.internet_gateway.id
  depends_on             = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_subnet" "public_subnet_a" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az1"
  cidr_block           = "10.70.0.0/27"
  tags = {
    Name                                   = "ledger-api-public-az1"
    "kubernetes.io/cluster/ledger-api-eks" = "shared"
    "kubernetes.io/role/elb"               = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_a" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az1"
  cidr_block           = "10.70.1.0/28"
  tags = {
    Name                                   = "ledger-api-internal-elb-az1"
    "kubernetes.io/cluster/ledger-api-eks" = "shared"
    "kubernetes.io/role/internal-elb"      = "1"
  }
}

resource "aws_subnet" "endpoints_subnet_a" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az1"
  cidr_block           = "10.70.1.64/28"
  tags = {
    Name = "ledger-api-endpoints-az1"
  }
}

resource "aws_subnet" "control_plane_subnet_a" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az1"
  cidr_block           = "10.70.0.128/27"
  tags = {
    Name = "ledger-api-control-plane-az1"
  }
}

resource "aws_subnet" "nodes_subnet_a" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az1"
  cidr_block           = "10.70.1.128/28"
  tags = {
    Name = "ledger-api-nodes-az1"
  }
}

resource "aws_subnet" "pods_subnet_a" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az1"
  cidr_block           = "100.64.0.0/23"
  tags = {
    Name = "ledger-api-pods-az1"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_subnet" "public_subnet_b" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az3"
  cidr_block           = "10.70.0.32/27"
  tags = {
    Name                                   = "ledger-api-public-az3"
    "kubernetes.io/cluster/ledger-api-eks" = "shared"
    "kubernetes.io/role/elb"               = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_b" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az3"
  cidr_block           = "10.70.1.16/28"
  tags = {
    Name                                   = "ledger-api-internal-elb-az3"
    "kubernetes.io/cluster/ledger-api-eks" = "shared"
    "kubernetes.io/role/internal-elb"      = "1"
  }
}

resource "aws_subnet" "endpoints_subnet_b" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az3"
  cidr_block           = "10.70.1.80/28"
  tags = {
    Name = "ledger-api-endpoints-az3"
  }
}

resource "aws_subnet" "nodes_subnet_b" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az3"
  cidr_block           = "10.70.1.144/28"
  tags = {
    Name = "ledger-api-nodes-az3"
  }
}

resource "aws_subnet" "pods_subnet_b" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az3"
  cidr_block           = "100.64.2.0/23"
  tags = {
    Name = "ledger-api-pods-az3"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_subnet" "public_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "10.70.0.64/27"
  tags = {
    Name                                   = "ledger-api-public-az4"
    "kubernetes.io/cluster/ledger-api-eks" = "shared"
    "kubernetes.io/role/elb"               = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "10.70.1.32/28"
  tags = {
    Name                                   = "ledger-api-internal-elb-az4"
    "kubernetes.io/cluster/ledger-api-eks" = "shared"
    "kubernetes.io/role/internal-elb"      = "1"
  }
}

resource "aws_subnet" "endpoints_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "10.70.1.96/28"
  tags = {
    Name = "ledger-api-endpoints-az4"
  }
}

resource "aws_subnet" "control_plane_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "10.70.0.192/27"
  tags = {
    Name = "ledger-api-control-plane-az4"
  }
}

resource "aws_subnet" "nodes_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "10.70.1.160/28"
  tags = {
    Name = "ledger-api-nodes-az4"
  }
}

resource "aws_subnet" "pods_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "100.64.4.0/23"
  tags = {
    Name = "ledger-api-pods-az4"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_eip" "nat_eip_a" {
  domain = "vpc"
  tags = {
    Name = "ledger-api-nat-a"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_a" {
  allocation_id = aws_eip.nat_eip_a.allocation_id
  subnet_id     = aws_subnet.public_subnet_a.id
  tags = {
    Name = "ledger-api-nat-a"
  }
}

resource "aws_eip" "nat_eip_b" {
  domain = "vpc"
  tags = {
    Name = "ledger-api-nat-b"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_b" {
  allocation_id = aws_eip.nat_eip_b.allocation_id
  subnet_id     = aws_subnet.public_subnet_b.id
  tags = {
    Name = "ledger-api-nat-b"
  }
}

resource "aws_eip" "nat_eip_c" {
  domain = "vpc"
  tags = {
    Name = "ledger-api-nat-c"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_c" {
  allocation_id = aws_eip.nat_eip_c.allocation_id
  subnet_id     = aws_subnet.public_subnet_c.id
  tags = {
    Name = "ledger-api-nat-c"
  }
}

resource "aws_route_table" "private_route_table_a" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "ledger-api-private-a"
  }
}

resource "aws_route" "private_default_route_a" {
  route_table_id         = aws_route_table.private_route_table_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway_a.id
}

resource "aws_route_table" "private_route_table_b" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "ledger-api-private-b"
  }
}

resource "aws_route" "private_default_route_b" {
  route_table_id         = aws_route_table.private_route_table_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway_b.id
}

resource "aws_route_table" "private_route_table_c" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "ledger-api-private-c"
  }
}

resource "aws_route" "private_default_route_c" {
  route_table_id         = aws_route_table.private_route_table_c.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway_c.id
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
