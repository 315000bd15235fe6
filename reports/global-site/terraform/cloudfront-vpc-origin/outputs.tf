output "app_target_group_arn" {
  description = "Target group the example app's TargetGroupBinding fills"
  value       = aws_lb_target_group.app_target_group.arn
}

output "alb_security_group_id" {
  description = "The ALB's security group, which the TargetGroupBinding admits to the pods"
  value       = aws_security_group.alb_security_group.id
}

output "distribution_domain_name" {
  description = "Point SiteDomainName at this (alias record to CloudFront)"
  value       = aws_cloudfront_distribution.distribution.domain_name
}
