# edgeplan b2b-gateway: alb-controller (alb-controller): what the AWS Load Balancer Controller's ALB is configured with (web ACL, certificate, security group)

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name = "b2b-gateway-alb-controller"
}

resource "aws_security_group" "alb_security_group" {
  #checkov:skip=CKV_AWS_260:Port 80 only answers with a redirect to HTTPS (the alb.ingress.kubernetes.io/ssl-redirect annotation).
  #checkov:skip=CKV2_AWS_5:Attached by Kubernetes: the AWS Load Balancer Controller puts it on the load balancer it makes (the Ingress or Service annotation, or the Gateway's LoadBalancerConfiguration).
  description = "Controller-made ALB: HTTPS and HTTP (redirect) from the internet"
  vpc_id      = var.network.vpc_id
  ingress {
    description = "HTTPS from the internet"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description = "HTTP from the internet, redirected to HTTPS by the alb.ingress.kubernetes.io/ssl-redirect annotation"
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    description = "To the pods (IP targets)"
    protocol    = "tcp"
    from_port   = 8080
    to_port     = 8080
    cidr_blocks = [var.network.vpc_cidr]
  }
  tags = {
    Name = "${local.stack_name}-AlbSecurityGroup"
  }
}

resource "aws_wafv2_web_acl" "web_acl" {
  name        = "${local.stack_name}-web-acl"
  description = "AWS managed baseline rules in front of the cluster"
  scope       = "REGIONAL"
  default_action {
    allow {}
  }
  visibility_config {
    sampled_requests_enabled   = true
    cloudwatch_metrics_enabled = true
    metric_name                = "b2b-gateway-alb-controller"
  }
  rule {
    name     = "AWSManagedRulesCommonRuleSet"
    priority = 0
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
      }
    }
    visibility_config {
      sampled_requests_enabled   = true
      cloudwatch_metrics_enabled = true
      metric_name                = "b2b-gateway-alb-controller-AWSManagedRulesCommonRuleSet"
    }
  }
  rule {
    name     = "AWSManagedRulesKnownBadInputsRuleSet"
    priority = 1
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
      }
    }
    visibility_config {
      sampled_requests_enabled   = true
      cloudwatch_metrics_enabled = true
      metric_name                = "b2b-gateway-alb-controller-AWSManagedRulesKnownBadInputsRuleSet"
    }
  }
  rule {
    name     = "AWSManagedRulesAmazonIpReputationList"
    priority = 2
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesAmazonIpReputationList"
      }
    }
    visibility_config {
      sampled_requests_enabled   = true
      cloudwatch_metrics_enabled = true
      metric_name                = "b2b-gateway-alb-controller-AWSManagedRulesAmazonIpReputationList"
    }
  }
}

resource "aws_cloudwatch_log_group" "web_acl_log_group" {
  #checkov:skip=CKV_AWS_158:WAF logs carry request metadata, no secrets; CloudWatch Logs encrypts them at rest with its own key.
  name              = "aws-waf-logs-${local.stack_name}"
  retention_in_days = 365
}

resource "aws_wafv2_web_acl_logging_configuration" "web_acl_logging" {
  resource_arn            = aws_wafv2_web_acl.web_acl.arn
  log_destination_configs = ["arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:${aws_cloudwatch_log_group.web_acl_log_group.name}"]
}
