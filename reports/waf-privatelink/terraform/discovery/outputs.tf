output "nlb_arn_parameter_name" {
  description = "SSM parameter with the internal ingress NLB's ARN (or None)"
  value       = aws_ssm_parameter.nlb_arn_parameter.name
}

output "nlb_listener_parameter_name" {
  description = "SSM parameter with the internal ingress NLB's port-80 listener ARN (or None)"
  value       = aws_ssm_parameter.nlb_listener_parameter.name
}

output "public_nlb_arn_parameter_name" {
  description = "SSM parameter with the internet-facing ingress NLB's ARN (or None)"
  value       = aws_ssm_parameter.public_nlb_arn_parameter.name
}

output "private_nlb_record" {
  description = "Route 53 name of the internal ingress NLB, once found"
  value       = "private-nlb.${var.domain_name}"
}

output "public_nlb_record" {
  description = "Route 53 name of the internet-facing ingress NLB, once found"
  value       = "public-nlb.${var.domain_name}"
}
