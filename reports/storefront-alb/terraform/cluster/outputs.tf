output "eks_cluster_resource_name" {
  description = "The EKS cluster's name (the seed's output)"
  value       = aws_eks_cluster.eks_cluster.name
}

output "eks_cluster_control_plane_security_group_id" {
  description = "The control plane's additional security group (the seed's output)"
  value       = aws_security_group.eks_cluster_control_plane_security_group.id
}

output "eks_cluster_security_group_id" {
  description = "The cluster security group EKS made, which nodes and pods carry"
  value       = aws_eks_cluster.eks_cluster.vpc_config[0].cluster_security_group_id
}

output "eks_cluster_arn" {
  description = "The EKS cluster's ARN"
  value       = aws_eks_cluster.eks_cluster.arn
}

output "stack_inputs" {
  description = "What the lb-controller module takes as var.cluster: write it as its cluster.auto.tfvars.json"
  value = {
    cluster = {
      name = aws_eks_cluster.eks_cluster.name
    }
  }
}
