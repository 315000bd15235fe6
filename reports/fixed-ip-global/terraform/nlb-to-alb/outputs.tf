output "static_ips" {
  description = "The NLB's Elastic IPs, for clients' allow-lists"
  value       = join(",", [aws_eip.nlb_eip_a.public_ip, aws_eip.nlb_eip_b.public_ip, aws_eip.nlb_eip_c.public_ip])
}

output "nlb_dns_name" {
  description = "The NLB's DNS name"
  value       = aws_lb.nlb.dns_name
}

output "app_target_group_arn" {
  description = "Target group the example app's TargetGroupBinding fills"
  value       = aws_lb_target_group.app_target_group.arn
}

output "alb_security_group_id" {
  description = "The ALB's security group, which the TargetGroupBinding admits to the pods"
  value       = aws_security_group.alb_security_group.id
}
