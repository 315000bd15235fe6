# edgeplan seed-modern: network (VPC 10.130.0.0/16, 3 AZs, 15 subnets as planned in plan.json)

resource "aws_vpc" "vpc" {
  #checkov:skip=CKV2_AWS_11:Flow logs need a destination the account chooses (a log group or bucket, and a role); the CloudFormation network stack makes none either. Add an aws_flow_log to your log destination.
  #checkov:skip=CKV2_AWS_12:The default security group stays as AWS makes it, as in the CloudFormation network stack; nothing edgeplan makes uses it (every load balancer, endpoint and node has its own group).
  cidr_block           = "10.130.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags = {
    Name           = "seed-modern-vpc"
    "edgeplan:env" = "seed-modern"
  }
}

resource "aws_internet_gateway" "internet_gateway" {
  tags = {
    Name = "seed-modern-igw"
  }
}

resource "aws_internet_gateway_attachment" "internet_gateway_attachment" {
  vpc_id              = aws_vpc.vpc.id
  internet_gateway_id = aws_internet_gateway.internet_gateway.id
}

resource "aws_route_table" "public_route_table" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "seed-modern-public"
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
  cidr_block        = "10.130.64.0/27"
  tags = {
    Name                                    = "seed-modern-public-a"
    "kubernetes.io/cluster/seed-modern-eks" = "shared"
    "kubernetes.io/role/elb"                = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.130.65.0/28"
  tags = {
    Name                                    = "seed-modern-internal-elb-a"
    "kubernetes.io/cluster/seed-modern-eks" = "shared"
    "kubernetes.io/role/internal-elb"       = "1"
  }
}

resource "aws_subnet" "endpoints_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.130.65.64/28"
  tags = {
    Name = "seed-modern-endpoints-a"
  }
}

resource "aws_subnet" "control_plane_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.130.64.128/27"
  tags = {
    Name = "seed-modern-control-plane-a"
  }
}

resource "aws_subnet" "nodes_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.130.0.0/20"
  tags = {
    Name = "seed-modern-nodes-a"
  }
}

resource "aws_subnet" "public_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.130.64.32/27"
  tags = {
    Name                                    = "seed-modern-public-b"
    "kubernetes.io/cluster/seed-modern-eks" = "shared"
    "kubernetes.io/role/elb"                = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.130.65.16/28"
  tags = {
    Name                                    = "seed-modern-internal-elb-b"
    "kubernetes.io/cluster/seed-modern-eks" = "shared"
    "kubernetes.io/role/internal-elb"       = "1"
  }
}

resource "aws_subnet" "endpoints_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.130.65.80/28"
  tags = {
    Name = "seed-modern-endpoints-b"
  }
}

resource "aws_subnet" "control_plane_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.130.64.160/27"
  tags = {
    Name = "seed-modern-control-plane-b"
  }
}

resource "aws_subnet" "nodes_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.130.16.0/20"
  tags = {
    Name = "seed-modern-nodes-b"
  }
}

resource "aws_subnet" "public_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.130.64.64/27"
  tags = {
    Name                                    = "seed-modern-public-c"
    "kubernetes.io/cluster/seed-modern-eks" = "shared"
    "kubernetes.io/role/elb"                = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.130.65.32/28"
  tags = {
    Name                                    = "seed-modern-internal-elb-c"
    "kubernetes.io/cluster/seed-modern-eks" = "shared"
    "kubernetes.io/role/internal-elb"       = "1"
  }
}

resource "aws_subnet" "endpoints_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.130.65.96/28"
  tags = {
    Name = "seed-modern-endpoints-c"
  }
}

resource "aws_subnet" "control_plane_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.130.64.192/27"
  tags = {
    Name = "seed-modern-control-plane-c"
  }
}

resource "aws_subnet" "nodes_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.130.32.0/20"
  tags = {
    Name = "seed-modern-nodes-c"
  }
}

resource "aws_eip" "nat_eip_a" {
  domain = "vpc"
  tags = {
    Name = "seed-modern-nat-a"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_a" {
  allocation_id = aws_eip.nat_eip_a.allocation_id
  subnet_id     = aws_subnet.public_subnet_a.id
  tags = {
    Name = "seed-modern-nat-a"
  }
}

resource "aws_eip" "nat_eip_b" {
  domain = "vpc"
  tags = {
    Name = "seed-modern-nat-b"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_b" {
  allocation_id = aws_eip.nat_eip_b.allocation_id
  subnet_id     = aws_subnet.public_subnet_b.id
  tags = {
    Name = "seed-modern-nat-b"
  }
}

resource "aws_eip" "nat_eip_c" {
  domain = "vpc"
  tags = {
    Name = "seed-modern-nat-c"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_c" {
  allocation_id = aws_eip.nat_eip_c.allocation_id
  subnet_id     = aws_subnet.public_subnet_c.id
  tags = {
    Name = "seed-modern-nat-c"
  }
}

resource "aws_route_table" "private_route_table_a" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "seed-modern-private-a"
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
    Name = "seed-modern-private-b"
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
    Name = "seed-modern-private-c"
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
