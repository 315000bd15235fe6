# edgeplan mobile-api: apigw-vpclink-alb-waf (apigw-vpclink-alb): HTTP API → VPC link V2 → internal ALB → pods

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name = "mobile-api-apigw-vpclink-alb-waf"
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
    "edgeplan:cluster" = "mobile-api-eks"
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

resource "aws_apigatewayv2_api" "http_api" {
  name          = local.stack_name
  description   = "Proxies every request to the cluster through a VPC link"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "http_integration" {
  api_id                 = aws_apigatewayv2_api.http_api.id
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  connection_type        = "VPC_LINK"
  connection_id          = aws_apigatewayv2_vpc_link.vpc_link.id
  integration_uri        = aws_lb_listener.alb_http_listener.arn
  payload_format_version = "1.0"
  request_parameters = {
    "overwrite:header.x-edgeplan-client-ip" = "$context.identity.sourceIp"
  }
}

resource "aws_apigatewayv2_route" "proxy_route" {
  #checkov:skip=CKV_AWS_309:A transparent proxy to the cluster: authentication is the application's, or an authorizer you add to these routes.
  api_id    = aws_apigatewayv2_api.http_api.id
  route_key = "ANY /{proxy+}"
  target    = "integrations/${aws_apigatewayv2_integration.http_integration.id}"
}

resource "aws_apigatewayv2_route" "default_route" {
  #checkov:skip=CKV_AWS_309:A transparent proxy to the cluster: authentication is the application's, or an authorizer you add to these routes.
  api_id    = aws_apigatewayv2_api.http_api.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.http_integration.id}"
}

resource "aws_cloudwatch_log_group" "http_api_access_logs" {
  #checkov:skip=CKV_AWS_158:Access logs carry request metadata, no secrets; CloudWatch Logs encrypts them at rest with its own key.
  retention_in_days = 365
}

resource "aws_apigatewayv2_stage" "http_stage" {
  api_id      = aws_apigatewayv2_api.http_api.id
  name        = "$default"
  auto_deploy = true
  access_log_settings {
    destination_arn = "${aws_cloudwatch_log_group.http_api_access_logs.arn}:*"
    format          = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\",\"path\":\"$context.path\",\"status\":\"$context.status\",\"responseLength\":\"$context.responseLength\",\"integrationError\":\"$context.integrationErrorMessage\"}"
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
    metric_name                = "mobile-api-apigw-vpclink-alb-waf"
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
      metric_name                = "mobile-api-apigw-vpclink-alb-waf-AWSManagedRulesCommonRuleSet"
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
      metric_name                = "mobile-api-apigw-vpclink-alb-waf-AWSManagedRulesKnownBadInputsRuleSet"
    }
  }
  rule {
    name     = "RatePerForwardedClient"
    priority = 2
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit                 = 2000
        evaluation_window_sec = 300
        aggregate_key_type    = "FORWARDED_IP"
        forwarded_ip_config {
          header_name       = "x-edgeplan-client-ip"
          fallback_behavior = "NO_MATCH"
        }
      }
    }
    visibility_config {
      sampled_requests_enabled   = true
      cloudwatch_metrics_enabled = true
      metric_name                = "mobile-api-apigw-vpclink-alb-waf-rate-per-client"
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
  resource_arn = aws_lb.alb.arn
  web_acl_arn  = aws_wafv2_web_acl.web_acl.arn
}
