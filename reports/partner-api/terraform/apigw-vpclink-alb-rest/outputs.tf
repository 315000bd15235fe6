output "api_key_id" {
  description = "The first API key (aws apigateway get-api-key --include-value shows its value; clients send it as x-api-key)"
  value       = aws_api_gateway_api_key.api_key.id
}

output "api_url" {
  description = "The API's invoke URL"
  value       = "https://${aws_api_gateway_rest_api.rest_api.id}.execute-api.${data.aws_region.current.region}.${data.aws_partition.current.dns_suffix}/live/"
}

output "app_target_group_arn" {
  description = "Target group the example app's TargetGroupBinding fills"
  value       = aws_lb_target_group.app_target_group.arn
}

output "alb_security_group_id" {
  description = "The ALB's security group, which the TargetGroupBinding admits to the pods"
  value       = aws_security_group.alb_security_group.id
}
