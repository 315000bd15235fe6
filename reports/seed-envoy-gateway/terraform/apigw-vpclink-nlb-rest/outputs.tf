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

output "api_url" {
  description = "The API's invoke URL"
  value       = "https://${aws_api_gateway_rest_api.rest_api.id}.execute-api.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}/live/"
}
