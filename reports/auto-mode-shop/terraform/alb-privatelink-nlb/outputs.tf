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

output "alb_dns_name" {
  description = "Point your site's DNS name at this (alias record)"
  value       = aws_lb.alb.dns_name
}

output "endpoint_service_id" {
  description = "The endpoint service on the ingress NLB"
  value       = aws_vpc_endpoint_service.endpoint_service.id
}

output "endpoint_ip_addresses" {
  description = "The endpoint ENIs' private addresses, the ALB's targets"
  value       = join(",", data.aws_network_interface.endpoint_ips[*].private_ip)
}
