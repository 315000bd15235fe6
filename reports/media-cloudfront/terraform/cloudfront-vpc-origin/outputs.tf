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
