# edgeplan flat-rate-site: network (VPC 10.80.0.0/16, 3 AZs, 12 subnets as planned in plan.json)

resource "aws_vpc" "vpc" {
  #checkov:skip=CKV2_AWS_11:Flow logs need a destination the account chooses (a log group or bucket, and a role); the CloudFormation network stack makes none either. Add an aws_flow_log to your log destination.
  #checkov:skip=CKV2_AWS_12:The default security group stays as AWS makes it, as in the CloudFormation network stack; nothing edgeplan makes uses it (every load balancer, endpoint and node has its own group).
  cidr_block           = "10.80.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags = {
    Name           = "flat-rate-site-vpc"
    "edgeplan:env" = "flat-rate-site"
  }
}

resource "aws_internet_gateway" "internet_gateway" {
  tags = {
    Name = "flat-rate-site-igw"
  }
}

resource "aws_internet_gateway_attachment" "internet_gateway_attachment" {
  vpc_id              = aws_vpc.vpc.id
  internet_gateway_id = aws_internet_gateway.internet_gateway.id
}

resource "aws_route_table" "public_route_table" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "flat-rate-site-public"
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
  cidr_block           = "10.80.64.0/27"
  tags = {
    Name                                       = "flat-rate-site-public-az1"
    "kubernetes.io/cluster/flat-rate-site-eks" = "shared"
    "kubernetes.io/role/elb"                   = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_a" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az1"
  cidr_block           = "10.80.64.128/27"
  tags = {
    Name                                       = "flat-rate-site-internal-elb-az1"
    "kubernetes.io/cluster/flat-rate-site-eks" = "shared"
    "kubernetes.io/role/internal-elb"          = "1"
  }
}

resource "aws_subnet" "control_plane_subnet_a" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az1"
  cidr_block           = "10.80.65.0/27"
  tags = {
    Name = "flat-rate-site-control-plane-az1"
  }
}

resource "aws_subnet" "nodes_subnet_a" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az1"
  cidr_block           = "10.80.0.0/20"
  tags = {
    Name = "flat-rate-site-nodes-az1"
  }
}

resource "aws_subnet" "public_subnet_b" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az2"
  cidr_block           = "10.80.64.32/27"
  tags = {
    Name                                       = "flat-rate-site-public-az2"
    "kubernetes.io/cluster/flat-rate-site-eks" = "shared"
    "kubernetes.io/role/elb"                   = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_b" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az2"
  cidr_block           = "10.80.64.160/27"
  tags = {
    Name                                       = "flat-rate-site-internal-elb-az2"
    "kubernetes.io/cluster/flat-rate-site-eks" = "shared"
    "kubernetes.io/role/internal-elb"          = "1"
  }
}

resource "aws_subnet" "control_plane_subnet_b" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az2"
  cidr_block           = "10.80.65.32/27"
  tags = {
    Name = "flat-rate-site-control-plane-az2"
  }
}

resource "aws_subnet" "nodes_subnet_b" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az2"
  cidr_block           = "10.80.16.0/20"
  tags = {
    Name = "flat-rate-site-nodes-az2"
  }
}

resource "aws_subnet" "public_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "10.80.64.64/27"
  tags = {
    Name                                       = "flat-rate-site-public-az4"
    "kubernetes.io/cluster/flat-rate-site-eks" = "shared"
    "kubernetes.io/role/elb"                   = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "10.80.64.192/27"
  tags = {
    Name                                       = "flat-rate-site-internal-elb-az4"
    "kubernetes.io/cluster/flat-rate-site-eks" = "shared"
    "kubernetes.io/role/internal-elb"          = "1"
  }
}

resource "aws_subnet" "control_plane_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "10.80.65.64/27"
  tags = {
    Name = "flat-rate-site-control-plane-az4"
  }
}

resource "aws_subnet" "nodes_subnet_c" {
  vpc_id               = aws_vpc.vpc.id
  availability_zone_id = "use1-az4"
  cidr_block           = "10.80.32.0/20"
  tags = {
    Name = "flat-rate-site-nodes-az4"
  }
}

resource "aws_eip" "nat_eip_a" {
  domain = "vpc"
  tags = {
    Name = "flat-rate-site-nat-a"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_a" {
  allocation_id = aws_eip.nat_eip_a.allocation_id
  subnet_id     = aws_subnet.public_subnet_a.id
  tags = {
    Name = "flat-rate-site-nat-a"
  }
}

resource "aws_eip" "nat_eip_b" {
  domain = "vpc"
  tags = {
    Name = "flat-rate-site-nat-b"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_b" {
  allocation_id = aws_eip.nat_eip_b.allocation_id
  subnet_id     = aws_subnet.public_subnet_b.id
  tags = {
    Name = "flat-rate-site-nat-b"
  }
}

resource "aws_eip" "nat_eip_c" {
  domain = "vpc"
  tags = {
    Name = "flat-rate-site-nat-c"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_c" {
  allocation_id = aws_eip.nat_eip_c.allocation_id
  subnet_id     = aws_subnet.public_subnet_c.id
  tags = {
    Name = "flat-rate-site-nat-c"
  }
}

resource "aws_route_table" "private_route_table_a" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "flat-rate-site-private-a"
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
    Name = "flat-rate-site-private-b"
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
    Name = "flat-rate-site-private-c"
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
