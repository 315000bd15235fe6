output "web_acl_arn" {
  description = "The LoadBalancerConfiguration's wafV2.webACL"
  value       = aws_wafv2_web_acl.web_acl.arn
}

output "alb_security_group_id" {
  description = "The LoadBalancerConfiguration's securityGroups"
  value       = aws_security_group.alb_security_group.id
}

output "certificate_arn" {
  description = "The LoadBalancerConfiguration's HTTPS:443 defaultCertificate"
  value       = var.certificate_arn
}
