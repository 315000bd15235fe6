output "origin_certificate_arn" {
  description = "ACM certificate for public-nlb.<DomainName>, on the ingress NLB's TLS listener"
  value       = aws_acm_certificate_validation.origin_certificate.certificate_arn
}

output "origin_security_group_id" {
  description = "The NLB's security group (the edgeplan-gateway Service's aws-load-balancer-security-groups annotation)"
  value       = aws_security_group.origin_security_group.id
}

output "origin_secret_arn" {
  description = "Secrets Manager secret with the X-Origin-Verify value (the deploy guide copies it into the cluster)"
  value       = aws_secretsmanager_secret.origin_secret.arn
}

output "ingress_target_group_arn" {
  description = "Target group the Envoy Gateway TargetGroupBinding fills"
  value       = aws_lb_target_group.ingress_target_group.arn
}

output "ingress_nlb_security_group_id" {
  description = "The NLB's security group, which the TargetGroupBinding admits to the pods"
  value       = aws_security_group.ingress_nlb_security_group.id
}

output "ingress_nlb_dns_name" {
  description = "The ingress NLB's DNS name"
  value       = aws_lb.ingress_nlb.dns_name
}

output "distribution_domain_name" {
  description = "Point SiteDomainName at this (alias record to CloudFront)"
  value       = aws_cloudfront_distribution.distribution.domain_name
}
