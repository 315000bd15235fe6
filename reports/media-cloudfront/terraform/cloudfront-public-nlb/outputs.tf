output "origin_certificate_arn" {
  description = "ACM certificate for public-nlb.<DomainName>, on the ingress NLB's TLS listener"
  value       = aws_acm_certificate_validation.origin_certificate.certificate_arn
}

output "distribution_domain_name" {
  description = "Point SiteDomainName at this (alias record to CloudFront)"
  value       = local.nlb_present ? aws_cloudfront_distribution.distribution[0].domain_name : null
}
