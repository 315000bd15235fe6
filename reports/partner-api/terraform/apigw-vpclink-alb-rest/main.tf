# edgeplan partner-api: apigw-vpclink-alb-rest (apigw-vpclink-alb): REST API → VPC link V2 → internal ALB → pods

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name = "partner-api-apigw-vpclink-alb-rest"
}

resource "aws_security_group" "vpc_link_security_group" {
  description = "VPC link ENIs: HTTP out to the load balancer only"
  vpc_id      = var.network.vpc_id
  egress {
    description = "To the load balancer's listener"
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = [var.network.vpc_cidr]
  }
  tags = {
    Name = "${local.stack_name}-VpcLinkSecurityGroup"
  }
}

resource "aws_apigatewayv2_vpc_link" "vpc_link" {
  name               = local.stack_name
  subnet_ids         = var.network.subnet_ids.endpoints
  security_group_ids = [aws_security_group.vpc_link_security_group.id]
}

resource "aws_security_group" "alb_security_group" {
  description = "Internal ALB: HTTP from the VPC link only"
  vpc_id      = var.network.vpc_id
  ingress {
    description     = "HTTP from the API Gateway VPC link"
    protocol        = "tcp"
    from_port       = 80
    to_port         = 80
    security_groups = [aws_security_group.vpc_link_security_group.id]
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

resource "aws_lb" "alb" {
  #checkov:skip=CKV_AWS_91:Access logs need an S3 bucket whose policy admits the ELB log delivery service; set access_logs.s3.enabled and access_logs.s3.bucket once the account's log bucket exists.
  #checkov:skip=CKV_AWS_150:No deletion protection, as in the CloudFormation stack: it would make every replacement Terraform plans (a changed scheme or subnets) fail; the staggered style's load balancers have prevent_destroy instead.
  #checkov:skip=CKV2_AWS_20:An internal ALB reached only through the API Gateway VPC link on port 80; TLS ends at API Gateway.
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = var.network.subnet_ids.internal_elb
  security_groups            = [aws_security_group.alb_security_group.id]
  drop_invalid_header_fields = true
  desync_mitigation_mode     = "defensive"
}

resource "aws_lb_target_group" "app_target_group" {
  #checkov:skip=CKV_AWS_378:An internal ALB reached only through the API Gateway VPC link: HTTP inside the VPC, TLS ended at API Gateway.
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = 8080
  vpc_id               = var.network.vpc_id
  deregistration_delay = "30"
  health_check {
    enabled  = true
    protocol = "HTTP"
    path     = "/"
    matcher  = "200-399"
  }
  tags = {
    "edgeplan:cluster" = "partner-api-eks"
  }
}

resource "aws_lb_listener" "alb_http_listener" {
  #checkov:skip=CKV_AWS_2:Internal ALB reached only through the VPC link; TLS ends at API Gateway, and HTTPS here would need a certificate for the ALB's internal name.
  #checkov:skip=CKV_AWS_103:An HTTP listener has no TLS policy; TLS ends at API Gateway.
  load_balancer_arn = aws_lb.alb.arn
  protocol          = "HTTP"
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app_target_group.arn
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
  #checkov:skip=CKV2_AWS_53:A transparent proxy to the cluster: requests are the application's to validate; API Gateway has no model of them.
  rest_api_id      = aws_api_gateway_rest_api.rest_api.id
  resource_id      = aws_api_gateway_rest_api.rest_api.root_resource_id
  http_method      = "ANY"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_integration" "root_method" {
  rest_api_id             = aws_api_gateway_rest_api.rest_api.id
  resource_id             = aws_api_gateway_rest_api.rest_api.root_resource_id
  http_method             = aws_api_gateway_method.root_method.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "ANY"
  connection_type         = "VPC_LINK"
  connection_id           = aws_apigatewayv2_vpc_link.vpc_link.id
  integration_target      = aws_lb.alb.arn
  uri                     = "http://${aws_lb.alb.dns_name}/"
}

resource "aws_api_gateway_method" "proxy_method" {
  #checkov:skip=CKV2_AWS_53:A transparent proxy to the cluster: requests are the application's to validate; API Gateway has no model of them.
  rest_api_id      = aws_api_gateway_rest_api.rest_api.id
  resource_id      = aws_api_gateway_resource.proxy_resource.id
  http_method      = "ANY"
  authorization    = "NONE"
  api_key_required = true
  request_parameters = {
    "method.request.path.proxy" = true
  }
}

resource "aws_api_gateway_integration" "proxy_method" {
  rest_api_id             = aws_api_gateway_rest_api.rest_api.id
  resource_id             = aws_api_gateway_resource.proxy_resource.id
  http_method             = aws_api_gateway_method.proxy_method.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "ANY"
  connection_type         = "VPC_LINK"
  connection_id           = aws_apigatewayv2_vpc_link.vpc_link.id
  integration_target      = aws_lb.alb.arn
  uri                     = "http://${aws_lb.alb.dns_name}/{proxy}"
  request_parameters = {
    "integration.request.path.proxy" = "method.request.path.proxy"
  }
}

resource "aws_api_gateway_deployment" "deployment" {
  rest_api_id = aws_api_gateway_rest_api.rest_api.id
  description = "Proxy methods"
  depends_on  = [aws_api_gateway_method.root_method, aws_api_gateway_integration.root_method, aws_api_gateway_method.proxy_method, aws_api_gateway_integration.proxy_method]
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "stage" {
  #checkov:skip=CKV_AWS_76:REST API access logs need the account-wide API Gateway CloudWatch role (AWS::ApiGateway::Account), a per-account setting this stack should not own; once it is set, add AccessLogSetting here.
  #checkov:skip=CKV_AWS_120:The stage cache is billed per hour and only helps cacheable responses; turn on CacheClusterEnabled when the design asks for caching.
  #checkov:skip=CKV2_AWS_4:Execution logging needs the account-wide API Gateway CloudWatch role (aws_api_gateway_account), a per-account setting this module should not own; metrics are on.
  #checkov:skip=CKV2_AWS_51:A client certificate authenticates API Gateway to an HTTPS backend; the backend here is the internal load balancer behind a private VPC link, which speaks HTTP inside the VPC.
  #checkov:skip=CKV2_AWS_77:The web ACL has AWSManagedRulesKnownBadInputsRuleSet, whose Log4JRCE rules block Log4j exploits; checkov also asks for AWSManagedRulesAnonymousIpList, which blocks VPN, Tor and hosting-provider clients: a policy choice the design does not make.
  rest_api_id          = aws_api_gateway_rest_api.rest_api.id
  deployment_id        = aws_api_gateway_deployment.deployment.id
  stage_name           = "live"
  xray_tracing_enabled = true
}

resource "aws_api_gateway_method_settings" "stage" {
  #checkov:skip=CKV_AWS_225:The stage cache is billed per hour and only helps cacheable responses; turn caching on when the design asks for caching.
  rest_api_id = aws_api_gateway_rest_api.rest_api.id
  stage_name  = aws_api_gateway_stage.stage.stage_name
  method_path = "*/*"
  settings {
    metrics_enabled        = true
    throttling_burst_limit = 500
    throttling_rate_limit  = 1000
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
}

resource "aws_cloudwatch_log_group" "web_acl_log_group" {
  #checkov:skip=CKV_AWS_158:WAF logs carry request metadata, no secrets; CloudWatch Logs encrypts them at rest with its own key.
  name              = "aws-waf-logs-${local.stack_name}"
  retention_in_days = 365
}

resource "aws_wafv2_web_acl_logging_configuration" "web_acl_logging" {
  resource_arn            = aws_wafv2_web_acl.web_acl.arn
  log_destination_configs = ["arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:${aws_cloudwatch_log_group.web_acl_log_group.name}"]
}

resource "aws_wafv2_web_acl_association" "web_acl_association" {
  resource_arn = "arn:${data.aws_partition.current.partition}:apigateway:${data.aws_region.current.region}::/restapis/${aws_api_gateway_rest_api.rest_api.id}/stages/${aws_api_gateway_stage.stage.stage_name}"
  web_acl_arn  = aws_wafv2_web_acl.web_acl.arn
}

resource "aws_api_gateway_usage_plan" "usage_plan" {
  name        = "${local.stack_name}-usage-plan"
  description = "Every API key of this stage: its throttle and quota"
  api_stages {
    api_id = aws_api_gateway_rest_api.rest_api.id
    stage  = aws_api_gateway_stage.stage.stage_name
  }
  throttle_settings {
    rate_limit  = 100
    burst_limit = 200
  }
}

resource "aws_api_gateway_api_key" "api_key" {
  name        = "${local.stack_name}-api-key"
  description = "The first client's key (API Gateway generates its value)"
  enabled     = true
}

resource "aws_api_gateway_usage_plan_key" "usage_plan_key" {
  key_id        = aws_api_gateway_api_key.api_key.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.usage_plan.id
}
