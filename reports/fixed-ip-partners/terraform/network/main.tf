# edgeplan b2b-gateway: network (VPC 10.90.0.0/20, 3 AZs, 12 subnets as planned in plan.json)

resource "aws_vpc" "vpc" {
  #checkov:skip=CKV2_AWS_11:Flow logs need a destination the account chooses (a log group or bucket, and a role); the CloudFormation network stack makes none either. Add an aws_flow_log to your log destination.
  #checkov:skip=CKV2_AWS_12:The default security group stays as AWS makes it, as in the CloudFormation network stack; nothing edgeplan makes uses it (every load balancer, endpoint and node has its own group).
  cidr_block           = "10.90.0.0/20"
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags = {
    Name           = "b2b-gateway-vpc"
    "edgeplan:env" = "b2b-gateway"
  }
}

resource "aws_internet_gateway" "internet_gateway" {
  tags = {
    Name = "b2b-gateway-igw"
  }
}

resource "aws_internet_gateway_attachment" "internet_gateway_attachment" {
  vpc_id              = aws_vpc.vpc.id
  internet_gateway_id = aws_internet_gateway.internet_gateway.id
}

resource "aws_route_table" "public_route_table" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "b2b-gateway-public"
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
  availability_zone = "eu-west-1a"
  cidr_block        = "10.90.4.0/26"
  tags = {
    Name                                    = "b2b-gateway-public-a"
    "kubernetes.io/cluster/b2b-gateway-eks" = "shared"
    "kubernetes.io/role/elb"                = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.90.5.0/27"
  tags = {
    Name                                    = "b2b-gateway-internal-elb-a"
    "kubernetes.io/cluster/b2b-gateway-eks" = "shared"
    "kubernetes.io/role/internal-elb"       = "1"
  }
}

resource "aws_subnet" "control_plane_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.90.5.128/27"
  tags = {
    Name = "b2b-gateway-control-plane-a"
  }
}

resource "aws_subnet" "nodes_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.90.0.0/24"
  tags = {
    Name = "b2b-gateway-nodes-a"
  }
}

resource "aws_subnet" "public_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1b"
  cidr_block        = "10.90.4.64/26"
  tags = {
    Name                                    = "b2b-gateway-public-b"
    "kubernetes.io/cluster/b2b-gateway-eks" = "shared"
    "kubernetes.io/role/elb"                = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1b"
  cidr_block        = "10.90.5.32/27"
  tags = {
    Name                                    = "b2b-gateway-internal-elb-b"
    "kubernetes.io/cluster/b2b-gateway-eks" = "shared"
    "kubernetes.io/role/internal-elb"       = "1"
  }
}

resource "aws_subnet" "control_plane_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1b"
  cidr_block        = "10.90.5.160/27"
  tags = {
    Name = "b2b-gateway-control-plane-b"
  }
}

resource "aws_subnet" "nodes_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1b"
  cidr_block        = "10.90.1.0/24"
  tags = {
    Name = "b2b-gateway-nodes-b"
  }
}

resource "aws_subnet" "public_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1c"
  cidr_block        = "10.90.4.128/26"
  tags = {
    Name                                    = "b2b-gateway-public-c"
    "kubernetes.io/cluster/b2b-gateway-eks" = "shared"
    "kubernetes.io/role/elb"                = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1c"
  cidr_block        = "10.90.5.64/27"
  tags = {
    Name                                    = "b2b-gateway-internal-elb-c"
    "kubernetes.io/cluster/b2b-gateway-eks" = "shared"
    "kubernetes.io/role/internal-elb"       = "1"
  }
}

resource "aws_subnet" "control_plane_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1c"
  cidr_block        = "10.90.5.192/27"
  tags = {
    Name = "b2b-gateway-control-plane-c"
  }
}

resource "aws_subnet" "nodes_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "eu-west-1c"
  cidr_block        = "10.90.2.0/24"
  tags = {
    Name = "b2b-gateway-nodes-c"
  }
}

resource "aws_eip" "nat_eip_a" {
  domain = "vpc"
  tags = {
    Name = "b2b-gateway-nat-a"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_a" {
  allocation_id = aws_eip.nat_eip_a.allocation_id
  subnet_id     = aws_subnet.public_subnet_a.id
  tags = {
    Name = "b2b-gateway-nat-a"
  }
}

resource "aws_eip" "nat_eip_b" {
  domain = "vpc"
  tags = {
    Name = "b2b-gateway-nat-b"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_b" {
  allocation_id = aws_eip.nat_eip_b.allocation_id
  subnet_id     = aws_subnet.public_subnet_b.id
  tags = {
    Name = "b2b-gateway-nat-b"
  }
}

resource "aws_eip" "nat_eip_c" {
  domain = "vpc"
  tags = {
    Name = "b2b-gateway-nat-c"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_c" {
  allocation_id = aws_eip.nat_eip_c.allocation_id
  subnet_id     = aws_subnet.public_subnet_c.id
  tags = {
    Name = "b2b-gateway-nat-c"
  }
}

resource "aws_route_table" "private_route_table_a" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "b2b-gateway-private-a"
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
    Name = "b2b-gateway-private-b"
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
    Name = "b2b-gateway-private-c"
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

resource "aws_route_table_association" "control_plane_subnet_a_route_table_association" {
  subnet_id      = aws_subnet.control_plane_subnet_a.id
  route_table_id = aws_route_table.private_route_table_a.id
}

resource "aws_route_table_association" "nodes_subnet_a_route_table_association" {
  subnet_id      = aws_subnet.nodes_subnet_a.id
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

resource "aws_route_table_association" "control_plane_subnet_b_route_table_association" {
  subnet_id      = aws_subnet.control_plane_subnet_b.id
  route_table_id = aws_route_table.private_route_table_b.id
}

resource "aws_route_table_association" "nodes_subnet_b_route_table_association" {
  subnet_id      = aws_subnet.nodes_subnet_b.id
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

resource "aws_route_table_association" "control_plane_subnet_c_route_table_association" {
  subnet_id      = aws_subnet.control_plane_subnet_c.id
  route_table_id = aws_route_table.private_route_table_c.id
}

resource "aws_route_table_association" "nodes_subnet_c_route_table_association" {
  subnet_id      = aws_subnet.nodes_subnet_c.id
  route_table_id = aws_route_table.private_route_table_c.id
}
