output "alb_dns_name" {
  description = "Point your site's DNS name at this (alias record)"
  value       = local.nlb_present ? aws_lb.alb[0].dns_name : null
}

output "endpoint_service_id" {
  description = "The endpoint service on the ingress NLB"
  value       = local.nlb_present ? aws_vpc_endpoint_service.endpoint_service[0].id : null
}

output "endpoint_ip_addresses" {
  description = "The endpoint ENIs' private addresses, the ALB's targets"
  value       = local.nlb_present ? join(",", data.aws_network_interface.endpoint_ips[*].private_ip) : null
}
