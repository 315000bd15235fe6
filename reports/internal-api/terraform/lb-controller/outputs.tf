output "load_balancer_controller_role_arn" {
  description = "The controller's role, given to kube-system/aws-load-balancer-controller by EKS Pod Identity"
  value       = aws_iam_role.load_balancer_controller_role.arn
}
