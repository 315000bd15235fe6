output "static_ips" {
  description = "The accelerator's static anycast IPv4 addresses, for clients' allow-lists and DNS"
  value       = join(",", aws_globalaccelerator_accelerator.accelerator.ip_sets[0].ip_addresses)
}

output "accelerator_dns_name" {
  description = "The accelerator's DNS name (point your site's name at it, or at the static IPs)"
  value       = aws_globalaccelerator_accelerator.accelerator.dns_name
}

output "accelerator_arn" {
  description = "The accelerator, for update-accelerator-attributes (flow logs)"
  value       = aws_globalaccelerator_accelerator.accelerator.id
}

output "app_target_group_arn" {
  description = "Target group the example app's TargetGroupBinding fills"
  value       = aws_lb_target_group.app_target_group.arn
}

output "alb_security_group_id" {
  description = "The ALB's security group, which the TargetGroupBinding admits to the pods"
  value       = aws_security_group.alb_security_group.id
}
