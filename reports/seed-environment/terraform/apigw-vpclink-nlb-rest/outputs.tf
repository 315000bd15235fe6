output "api_url" {
  description = "The API's invoke URL"
  value       = local.nlb_present ? "https://${aws_api_gateway_rest_api.rest_api.id}.execute-api.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}/live/" : null
}
