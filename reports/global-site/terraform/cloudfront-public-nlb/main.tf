# edgeplan global-site: cloudfront-public-nlb (cloudfront-public-nlb, staggered deployment): CloudFront → internet-facing NLB → Envoy Gateway (origin protection: secret-header)

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name          = "global-site-cloudfront-public-nlb"
  nlb_present         = data.aws_ssm_parameter.nlb_arn.insecure_value != "None"
  edge_waf_stack_name = "global-site-cloudfront-public-nlb-waf"
}

data "aws_ssm_parameter" "nlb_arn" {
  # ARN of the ingress NLB, kept in SSM by the discovery stack (None until Kubernetes has made the NLB)
  name = "/edgeplan/global-site/public-ingress-nlb-arn"
}

resource "aws_acm_certificate" "origin_certificate" {
  domain_name       = "public-nlb.${var.domain_name}"
  validation_method = "DNS"
  options {
    certificate_transparency_logging_preference = "ENABLED"
  }
  tags = {
    Name = "${local.stack_name}-OriginCertificate"
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "origin_certificate_validation" {
  for_each        = { for o in aws_acm_certificate.origin_certificate.domain_validation_options : o.domain_name => o }
  allow_overwrite = true
  zone_id         = var.hosted_zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 60
}

resource "aws_acm_certificate_validation" "origin_certificate" {
  certificate_arn         = aws_acm_certificate.origin_certificate.arn
  validation_record_fqdns = [for r in aws_route53_record.origin_certificate_validation : r.fqdn]
}

resource "aws_secretsmanager_secret" "origin_secret" {
  #checkov:skip=CKV_AWS_149:The AWS managed key is enough for a value CloudFront already holds in its distribution configuration.
  #checkov:skip=CKV2_AWS_57:The origin header's value lives in the distribution and in the cluster's Secret too; rotating it means updating both at once, which a rotation function of Secrets Manager cannot do.
  description = "Value of the X-Origin-Verify header CloudFront adds and Envoy Gateway requires"
}

data "aws_secretsmanager_random_password" "origin_secret" {
  password_length     = 48
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret_version" "origin_secret" {
  secret_id     = aws_secretsmanager_secret.origin_secret.id
  secret_string = data.aws_secretsmanager_random_password.origin_secret.random_password
  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_cloudfront_distribution" "distribution" {
  #checkov:skip=CKV_AWS_86:Standard logs need an S3 bucket with ACLs enabled for CloudFront's log delivery; add Logging once the account's log bucket exists.
  #checkov:skip=CKV_AWS_305:Every path goes to the cluster, whose application answers /; a default root object would rewrite it.
  #checkov:skip=CKV_AWS_310:There is one origin, the cluster; a failover origin would need a second one.
  #checkov:skip=CKV_AWS_374:The design asks for no geographic restriction (the template has none either).
  #checkov:skip=CKV2_AWS_32:The distribution uses AWS's managed SecurityHeadersPolicy by its ID, as the template does; checkov counts only a policy resource or data source in the configuration.
  #checkov:skip=CKV2_AWS_47:The web ACL has AWSManagedRulesKnownBadInputsRuleSet, whose Log4JRCE rules block Log4j exploits; checkov also asks for AWSManagedRulesAnonymousIpList, which blocks VPN, Tor and hosting-provider clients: a policy choice the design does not make.
  count        = local.nlb_present ? 1 : 0
  enabled      = true
  comment      = "global-site cloudfront-public-nlb: CloudFront to the ingress NLB"
  aliases      = [var.site_domain_name]
  http_version = "http2and3"
  origin {
    origin_id   = "cluster"
    domain_name = "public-nlb.${var.domain_name}"
    custom_origin_config {
      http_port              = 80
      origin_protocol_policy = "https-only"
      https_port             = 443
      origin_ssl_protocols   = ["TLSv1.2"]
      origin_read_timeout    = 30
    }
    custom_header {
      name  = "X-Origin-Verify"
      value = aws_secretsmanager_secret_version.origin_secret.secret_string
    }
  }
  default_cache_behavior {
    target_origin_id           = "cluster"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = "83da9c7e-98b4-4e11-a168-04f0df8e2c65"
    origin_request_policy_id   = "216adef6-5c7f-47e4-b989-5492eafa07d3"
    response_headers_policy_id = "67f7725c-6f97-4210-82d7-5512b31e9d03"
  }
  viewer_certificate {
    acm_certificate_arn      = var.viewer_certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
  web_acl_id = aws_wafv2_web_acl.web_acl.arn
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  lifecycle {
    prevent_destroy = true
  }
}
