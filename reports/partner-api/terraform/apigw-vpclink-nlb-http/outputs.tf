output "api_url" {
  description = "The API's invoke URL"
  value       = aws_apigatewayv2_api.http_api.api_endpoint
}
