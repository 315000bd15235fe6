output "origin_certificate_arn" {
  description = "ACM certificate for public-nlb.<DomainName>, on the ingress NLB's TLS listener"
  value       = aws_acm_certificate_validation.origin_certificate.certificate_arn
}

output "origin_security_group_id" {
  description = "The NLB's security group (the edgeplan-gateway Service's aws-load-balancer-security-groups annotation)"
  value       = aws_security_group.origin_security_group.id
}

output "distribution_domain_name" {
  description = "Point SiteDomainName at this (alias record to CloudFront)"
  value       = local.nlb_present ? aws_cloudfront_distribution.distribution[0].domain_name : null
}
