# edgeplan media-prod: network (VPC 10.50.0.0/16, 3 AZs, 15 subnets as planned in plan.json)

resource "aws_vpc" "vpc" {
  #checkov:skip=CKV2_AWS_11:Flow logs need a destination the account chooses (a log group or bucket, and a role); the CloudFormation network stack makes none either. Add an aws_flow_log to your log destination.
  #checkov:skip=CKV2_AWS_12:The default security group stays as AWS makes it, as in the CloudFormation network stack; nothing edgeplan makes uses it (every load balancer, endpoint and node has its own group).
  cidr_block           = "10.50.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags = {
    Name           = "media-prod-vpc"
    "edgeplan:env" = "media-prod"
  }
}

resource "aws_vpc_ipv4_cidr_block_association" "pod_cidr_block" {
  vpc_id     = aws_vpc.vpc.id
  cidr_block = "100.64.0.0/16"
}

resource "aws_internet_gateway" "internet_gateway" {
  tags = {
    Name = "media-prod-igw"
  }
}

resource "aws_internet_gateway_attachment" "internet_gateway_attachment" {
  vpc_id              = aws_vpc.vpc.id
  internet_gateway_id = aws_internet_gateway.internet_gateway.id
}

resource "aws_route_table" "public_route_table" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "media-prod-public"
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
  cidr_block        = "10.50.1.128/28"
  tags = {
    Name                                   = "media-prod-public-a"
    "kubernetes.io/cluster/media-prod-eks" = "shared"
    "kubernetes.io/role/elb"               = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.50.1.192/28"
  tags = {
    Name                                   = "media-prod-internal-elb-a"
    "kubernetes.io/cluster/media-prod-eks" = "shared"
    "kubernetes.io/role/internal-elb"      = "1"
  }
}

resource "aws_subnet" "control_plane_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.50.1.0/27"
  tags = {
    Name = "media-prod-control-plane-a"
  }
}

resource "aws_subnet" "nodes_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.50.0.0/26"
  tags = {
    Name = "media-prod-nodes-a"
  }
}

resource "aws_subnet" "pods_subnet_a" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1a"
  cidr_block        = "100.64.0.0/19"
  tags = {
    Name = "media-prod-pods-a"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_subnet" "public_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.50.1.144/28"
  tags = {
    Name                                   = "media-prod-public-b"
    "kubernetes.io/cluster/media-prod-eks" = "shared"
    "kubernetes.io/role/elb"               = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.50.1.208/28"
  tags = {
    Name                                   = "media-prod-internal-elb-b"
    "kubernetes.io/cluster/media-prod-eks" = "shared"
    "kubernetes.io/role/internal-elb"      = "1"
  }
}

resource "aws_subnet" "control_plane_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.50.1.32/27"
  tags = {
    Name = "media-prod-control-plane-b"
  }
}

resource "aws_subnet" "nodes_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "10.50.0.64/26"
  tags = {
    Name = "media-prod-nodes-b"
  }
}

resource "aws_subnet" "pods_subnet_b" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1b"
  cidr_block        = "100.64.32.0/19"
  tags = {
    Name = "media-prod-pods-b"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_subnet" "public_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.50.1.160/28"
  tags = {
    Name                                   = "media-prod-public-c"
    "kubernetes.io/cluster/media-prod-eks" = "shared"
    "kubernetes.io/role/elb"               = "1"
  }
}

resource "aws_subnet" "internal_elb_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.50.1.224/28"
  tags = {
    Name                                   = "media-prod-internal-elb-c"
    "kubernetes.io/cluster/media-prod-eks" = "shared"
    "kubernetes.io/role/internal-elb"      = "1"
  }
}

resource "aws_subnet" "control_plane_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.50.1.64/27"
  tags = {
    Name = "media-prod-control-plane-c"
  }
}

resource "aws_subnet" "nodes_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "10.50.0.128/26"
  tags = {
    Name = "media-prod-nodes-c"
  }
}

resource "aws_subnet" "pods_subnet_c" {
  vpc_id            = aws_vpc.vpc.id
  availability_zone = "us-east-1c"
  cidr_block        = "100.64.64.0/19"
  tags = {
    Name = "media-prod-pods-c"
  }
  depends_on = [aws_vpc_ipv4_cidr_block_association.pod_cidr_block]
}

resource "aws_eip" "nat_eip_a" {
  domain = "vpc"
  tags = {
    Name = "media-prod-nat-a"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_a" {
  allocation_id = aws_eip.nat_eip_a.allocation_id
  subnet_id     = aws_subnet.public_subnet_a.id
  tags = {
    Name = "media-prod-nat-a"
  }
}

resource "aws_eip" "nat_eip_b" {
  domain = "vpc"
  tags = {
    Name = "media-prod-nat-b"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_b" {
  allocation_id = aws_eip.nat_eip_b.allocation_id
  subnet_id     = aws_subnet.public_subnet_b.id
  tags = {
    Name = "media-prod-nat-b"
  }
}

resource "aws_eip" "nat_eip_c" {
  domain = "vpc"
  tags = {
    Name = "media-prod-nat-c"
  }
  depends_on = [aws_internet_gateway_attachment.internet_gateway_attachment]
}

resource "aws_nat_gateway" "nat_gateway_c" {
  allocation_id = aws_eip.nat_eip_c.allocation_id
  subnet_id     = aws_subnet.public_subnet_c.id
  tags = {
    Name = "media-prod-nat-c"
  }
}

resource "aws_route_table" "private_route_table_a" {
  vpc_id = aws_vpc.vpc.id
  tags = {
    Name = "media-prod-private-a"
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
    Name = "media-prod-private-b"
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
    Name = "media-prod-private-c"
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
