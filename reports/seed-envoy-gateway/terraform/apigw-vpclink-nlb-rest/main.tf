# edgeplan seed-modern: apigw-vpclink-nlb-rest (apigw-vpclink-nlb, bound deployment): REST API → VPC link → internal NLB → Envoy Gateway

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name = "seed-modern-apigw-vpclink-nlb-rest"
}

resource "aws_security_group" "ingress_nlb_security_group" {
  description = "Ingress NLB: port 80 in, to the Envoy Gateway pods out"
  vpc_id      = var.network.vpc_id
  ingress {
    description = "Clients of the ingress NLB"
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = [var.network.vpc_cidr]
  }
  egress {
    description = "To the Envoy Gateway pods"
    protocol    = "tcp"
    from_port   = 10080
    to_port     = 10080
    cidr_blocks = [var.network.vpc_cidr]
  }
  egress {
    description = "Health checks of the Envoy Gateway pods"
    protocol    = "tcp"
    from_port   = 19003
    to_port     = 19003
    cidr_blocks = [var.network.vpc_cidr]
  }
  tags = {
    Name = "${local.stack_name}-IngressNlbSecurityGroup"
  }
}

resource "aws_lb" "ingress_nlb" {
  #checkov:skip=CKV_AWS_91:NLB access logs record TLS listeners only; this NLB forwards TCP to Envoy Gateway, which logs every request.
  #checkov:skip=CKV_AWS_150:No deletion protection, as in the CloudFormation stack: it would make every replacement Terraform plans (a changed scheme or subnets) fail; the staggered style's load balancers have prevent_destroy instead.
  #checkov:skip=CKV2_AWS_20:A Network Load Balancer: its port-80 listener forwards TCP inside the VPC (PrivateLink or a VPC link), and there is no HTTP to redirect.
  load_balancer_type                                           = "network"
  internal                                                     = true
  subnets                                                      = var.network.subnet_ids.internal_elb
  security_groups                                              = [aws_security_group.ingress_nlb_security_group.id]
  enforce_security_group_inbound_rules_on_private_link_traffic = "off"
  enable_cross_zone_load_balancing                             = true
}

resource "aws_lb_target_group" "ingress_target_group" {
  target_type          = "ip"
  protocol             = "TCP"
  port                 = 10080
  vpc_id               = var.network.vpc_id
  deregistration_delay = "30"
  health_check {
    enabled  = true
    protocol = "HTTP"
    port     = "19003"
    path     = "/ready"
  }
  tags = {
    "edgeplan:cluster" = "seed-modern-eks"
  }
}

resource "aws_lb_listener" "ingress_listener" {
  load_balancer_arn = aws_lb.ingress_nlb.arn
  protocol          = "TCP"
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ingress_target_group.arn
  }
}

resource "aws_api_gateway_vpc_link" "vpc_link" {
  name        = local.stack_name
  description = "API Gateway to the ingress NLB (PrivateLink)"
  target_arns = [aws_lb.ingress_nlb.arn]
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
  rest_api_id   = aws_api_gateway_rest_api.rest_api.id
  resource_id   = aws_api_gateway_rest_api.rest_api.root_resource_id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "root_method" {
  rest_api_id             = aws_api_gateway_rest_api.rest_api.id
  resource_id             = aws_api_gateway_rest_api.rest_api.root_resource_id
  http_method             = aws_api_gateway_method.root_method.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "ANY"
  connection_type         = "VPC_LINK"
  connection_id           = aws_api_gateway_vpc_link.vpc_link.id
  uri                     = "http://${aws_lb.ingress_nlb.dns_name}/"
}

resource "aws_api_gateway_method" "proxy_method" {
  #checkov:skip=CKV_AWS_59:A transparent proxy to the cluster: authentication is the application's, or an authorizer you add to these methods (the design asks for no API keys).
  #checkov:skip=CKV2_AWS_53:A transparent proxy to the cluster: requests are the application's to validate; API Gateway has no model of them.
  rest_api_id   = aws_api_gateway_rest_api.rest_api.id
  resource_id   = aws_api_gateway_resource.proxy_resource.id
  http_method   = "ANY"
  authorization = "NONE"
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
  connection_id           = aws_api_gateway_vpc_link.vpc_link.id
  uri                     = "http://${aws_lb.ingress_nlb.dns_name}/{proxy}"
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
  log_destination_configs = ["arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:${aws_cloudwatch_log_group.web_acl_log_group.name}"]
}

resource "aws_wafv2_web_acl_association" "web_acl_association" {
  resource_arn = "arn:${data.aws_partition.current.partition}:apigateway:${data.aws_region.current.name}::/restapis/${aws_api_gateway_rest_api.rest_api.id}/stages/${aws_api_gateway_stage.stage.stage_name}"
  web_acl_arn  = aws_wafv2_web_acl.web_acl.arn
}
