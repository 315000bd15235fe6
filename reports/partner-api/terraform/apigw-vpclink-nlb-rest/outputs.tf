output "api_key_id" {
  description = "The first API key (aws apigateway get-api-key --include-value shows its value; clients send it as x-api-key)"
  value       = local.nlb_present ? aws_api_gateway_api_key.api_key[0].id : null
}

output "api_url" {
  description = "The API's invoke URL"
  value       = local.nlb_present ? "https://${aws_api_gateway_rest_api.rest_api.id}.execute-api.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}/live/" : null
}
