output "alb_security_group_id" {
  description = "The Ingress's alb.ingress.kubernetes.io/security-groups annotation"
  value       = aws_security_group.alb_security_group.id
}

output "certificate_arn" {
  description = "The Ingress's alb.ingress.kubernetes.io/certificate-arn annotation"
  value       = var.certificate_arn
}
