output "vpc_id" {
  description = "The VPC"
  value       = aws_vpc.vpc.id
}

output "vpc_cidr" {
  description = "The VPC's primary CIDR block"
  value       = aws_vpc.vpc.cidr_block
}

output "availability_zones" {
  description = "The planned Availability Zones, comma-separated, in the order every *SubnetIds export follows (the control-plane export skips any AZ EKS refuses)"
  value       = "eu-west-1a,eu-west-1b,eu-west-1c"
}

output "public_subnet_ids" {
  description = "The public subnets, comma-separated, in AZ order"
  value       = join(",", [aws_subnet.public_subnet_a.id, aws_subnet.public_subnet_b.id, aws_subnet.public_subnet_c.id])
}

output "internal_elb_subnet_ids" {
  description = "The internal-elb subnets, comma-separated, in AZ order"
  value       = join(",", [aws_subnet.internal_elb_subnet_a.id, aws_subnet.internal_elb_subnet_b.id, aws_subnet.internal_elb_subnet_c.id])
}

output "endpoints_subnet_ids" {
  description = "The endpoints subnets, comma-separated, in AZ order"
  value       = join(",", [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id])
}

output "control_plane_subnet_ids" {
  description = "The control-plane subnets, comma-separated, in AZ order"
  value       = join(",", [aws_subnet.control_plane_subnet_a.id, aws_subnet.control_plane_subnet_b.id, aws_subnet.control_plane_subnet_c.id])
}

output "nodes_subnet_ids" {
  description = "The nodes subnets, comma-separated, in AZ order"
  value       = join(",", [aws_subnet.nodes_subnet_a.id, aws_subnet.nodes_subnet_b.id, aws_subnet.nodes_subnet_c.id])
}

output "stack_inputs" {
  description = "What the later modules take as var.network: write it as their network.auto.tfvars.json"
  value = {
    network = {
      vpc_id             = aws_vpc.vpc.id
      vpc_cidr           = aws_vpc.vpc.cidr_block
      availability_zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
      subnet_ids = {
        public        = [aws_subnet.public_subnet_a.id, aws_subnet.public_subnet_b.id, aws_subnet.public_subnet_c.id]
        internal_elb  = [aws_subnet.internal_elb_subnet_a.id, aws_subnet.internal_elb_subnet_b.id, aws_subnet.internal_elb_subnet_c.id]
        endpoints     = [aws_subnet.endpoints_subnet_a.id, aws_subnet.endpoints_subnet_b.id, aws_subnet.endpoints_subnet_c.id]
        control_plane = [aws_subnet.control_plane_subnet_a.id, aws_subnet.control_plane_subnet_b.id, aws_subnet.control_plane_subnet_c.id]
        nodes         = [aws_subnet.nodes_subnet_a.id, aws_subnet.nodes_subnet_b.id, aws_subnet.nodes_subnet_c.id]
      }
    }
  }
}
