# edgeplan seed-env: apigw-vpclink-nlb-rest (apigw-vpclink-nlb, staggered deployment): REST API → VPC link → internal NLB → ingress-nginx

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name  = "seed-env-apigw-vpclink-nlb-rest"
  nlb_present = data.aws_ssm_parameter.nlb_arn.insecure_value != "None"
}

data "aws_ssm_parameter" "nlb_arn" {
  # ARN of the ingress NLB, kept in SSM by the discovery stack (None until Kubernetes has made the NLB)
  name = "/edgeplan/seed-env/ingress-nlb-arn"
}

resource "aws_api_gateway_vpc_link" "vpc_link" {
  count       = local.nlb_present ? 1 : 0
  name        = local.stack_name
  description = "API Gateway to the ingress NLB (PrivateLink)"
  target_arns = [data.aws_ssm_parameter.nlb_arn.insecure_value]
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_api_gateway_rest_api" "rest_api" {
  name        = local.stack_name
  description = "Proxies every request to the cluster through a VPC link"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_resource" "proxy_resource" {
  rest_api_id = aws_api_gateway_rest_api.rest_api.id
  parent_id   = aws_api_gateway_rest_api.rest_api.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "root_method" {
  #checkov:skip=CKV_AWS_59:A transparent proxy to the cluster: authentication is the application's, or an authorizer you add to these methods (the design asks for no API keys).
  #checkov:skip=CKV2_AWS_53:A transparent proxy to the cluster: requests are the application's to validate; API Gateway has no model of them.
  count         = local.nlb_present ? 1 : 0
  rest_api_id   = aws_api_gateway_rest_api.rest_api.id
  resource_id   = aws_api_gateway_rest_api.rest_api.root_resource_id
  http_method   = "ANY"
  authorization = "NONE"
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_api_gateway_integration" "root_method" {
  count                   = local.nlb_present ? 1 : 0
  rest_api_id             = aws_api_gateway_rest_api.rest_api.id
  resource_id             = aws_api_gateway_rest_api.rest_api.root_resource_id
  http_method             = aws_api_gateway_method.root_method[0].http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "ANY"
  connection_type         = "VPC_LINK"
  connection_id           = aws_api_gateway_vpc_link.vpc_link[0].id
  uri                     = "http://${"private-nlb.${var.domain_name}"}/"
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_api_gateway_method" "proxy_method" {
  #checkov:skip=CKV_AWS_59:A transparent proxy to the cluster: authentication is the application's, or an authorizer you add to these methods (the design asks for no API keys).
  #checkov:skip=CKV2_AWS_53:A transparent proxy to the cluster: requests are the application's to validate; API Gateway has no model of them.
  count         = local.nlb_present ? 1 : 0
  rest_api_id   = aws_api_gateway_rest_api.rest_api.id
  resource_id   = aws_api_gateway_resource.proxy_resource.id
  http_method   = "ANY"
  authorization = "NONE"
  request_parameters = {
    "method.request.path.proxy" = true
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_api_gateway_integration" "proxy_method" {
  count                   = local.nlb_present ? 1 : 0
  rest_api_id             = aws_api_gateway_rest_api.rest_api.id
  resource_id             = aws_api_gateway_resource.proxy_resource.id
  http_method             = aws_api_gateway_method.proxy_method[0].http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "ANY"
  connection_type         = "VPC_LINK"
  connection_id           = aws_api_gateway_vpc_link.vpc_link[0].id
  uri                     = "http://${"private-nlb.${var.domain_name}"}/{proxy}"
  request_parameters = {
    "integration.request.path.proxy" = "method.request.path.proxy"
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_api_gateway_deployment" "deployment" {
  count       = local.nlb_present ? 1 : 0
  rest_api_id = aws_api_gateway_rest_api.rest_api.id
  description = "Proxy methods"
  depends_on  = [aws_api_gateway_method.root_method, aws_api_gateway_integration.root_method, aws_api_gateway_method.proxy_method, aws_api_gateway_integration.proxy_method]
  lifecycle {
    prevent_destroy       = true
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "stage" {
  #checkov:skip=CKV_AWS_76:REST API access logs need the account-wide API Gateway CloudWatch role (AWS::ApiGateway::Account), a per-account setting this stack should not own; once it is set, add AccessLogSetting here.
  #checkov:skip=CKV_AWS_120:The stage cache is billed per hour and only helps cacheable responses; turn on CacheClusterEnabled when the design asks for caching.
  #checkov:skip=CKV2_AWS_4:Execution logging needs the account-wide API Gateway CloudWatch role (aws_api_gateway_account), a per-account setting this module should not own; metrics are on.
  #checkov:skip=CKV2_AWS_51:A client certificate authenticates API Gateway to an HTTPS backend; the backend here is the internal load balancer behind a private VPC link, which speaks HTTP inside the VPC.
  #checkov:skip=CKV2_AWS_29:checkov does not connect resources under count (the staggered style's local.nlb_present), and what meets this check here is made under the same count.
  count                = local.nlb_present ? 1 : 0
  rest_api_id          = aws_api_gateway_rest_api.rest_api.id
  deployment_id        = aws_api_gateway_deployment.deployment[0].id
  stage_name           = "live"
  xray_tracing_enabled = true
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_api_gateway_method_settings" "stage" {
  #checkov:skip=CKV_AWS_225:The stage cache is billed per hour and only helps cacheable responses; turn caching on when the design asks for caching.
  count       = local.nlb_present ? 1 : 0
  rest_api_id = aws_api_gateway_rest_api.rest_api.id
  stage_name  = aws_api_gateway_stage.stage[0].stage_name
  method_path = "*/*"
  settings {
    metrics_enabled        = true
    throttling_burst_limit = 500
    throttling_rate_limit  = 1000
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_wafv2_web_acl" "web_acl" {
  #checkov:skip=CKV2_AWS_31:checkov does not connect resources under count (the staggered style's local.nlb_present), and what meets this check here is made under the same count (aws_wafv2_web_acl_logging_configuration).
  count       = local.nlb_present ? 1 : 0
  name        = "${local.stack_name}-web-acl"
  description = "AWS managed baseline rules in front of the cluster"
  scope       = "REGIONAL"
  default_action {
    allow {}
  }
  visibility_config {
    sampled_requests_enabled   = true
    cloudwatch_metrics_enabled = true
    metric_name                = "rest-api"
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
      metric_name                = "rest-api-AWSManagedRulesCommonRuleSet"
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
      metric_name                = "rest-api-AWSManagedRulesKnownBadInputsRuleSet"
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
      metric_name                = "rest-api-AWSManagedRulesAmazonIpReputationList"
    }
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "web_acl_log_group" {
  #checkov:skip=CKV_AWS_158:WAF logs carry request metadata, no secrets; CloudWatch Logs encrypts them at rest with its own key.
  count             = local.nlb_present ? 1 : 0
  name              = "aws-waf-logs-${local.stack_name}"
  retention_in_days = 365
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_wafv2_web_acl_logging_configuration" "web_acl_logging" {
  count                   = local.nlb_present ? 1 : 0
  resource_arn            = aws_wafv2_web_acl.web_acl[0].arn
  log_destination_configs = ["arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:${aws_cloudwatch_log_group.web_acl_log_group[0].name}"]
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_wafv2_web_acl_association" "web_acl_association" {
  count        = local.nlb_present ? 1 : 0
  resource_arn = "arn:${data.aws_partition.current.partition}:apigateway:${data.aws_region.current.name}::/restapis/${aws_api_gateway_rest_api.rest_api.id}/stages/${aws_api_gateway_stage.stage[0].stage_name}"
  web_acl_arn  = aws_wafv2_web_acl.web_acl[0].arn
  lifecycle {
    prevent_destroy = true
  }
}
