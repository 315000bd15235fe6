# edgeplan partner-edge: global-accelerator-alb (global-accelerator-alb): Global Accelerator (static anycast IPs) → internal ALB → pods

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name = "partner-edge-global-accelerator-alb"
}

resource "aws_security_group" "alb_security_group" {
  #checkov:skip=CKV_AWS_260:Port 80 only answers with a redirect to HTTPS, and the ALB is internal: the internet reaches it only through the accelerator.
  description = "Internal ALB behind Global Accelerator: HTTPS and HTTP (redirect) from the clients, whose addresses the accelerator preserves"
  vpc_id      = var.network.vpc_id
  ingress {
    description = "HTTPS from clients through Global Accelerator (client IP preserved)"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description = "HTTP from clients through Global Accelerator, redirected to HTTPS"
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

resource "aws_lb" "alb" {
  #checkov:skip=CKV_AWS_91:Access logs need an S3 bucket whose policy admits the ELB log delivery service; set access_logs.s3.enabled and access_logs.s3.bucket once the account's log bucket exists.
  #checkov:skip=CKV_AWS_150:No deletion protection, as in the CloudFormation stack: it would make every replacement Terraform plans (a changed scheme or subnets) fail; the staggered style's load balancers have prevent_destroy instead.
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = var.network.subnet_ids.internal_elb
  security_groups            = [aws_security_group.alb_security_group.id]
  drop_invalid_header_fields = true
  desync_mitigation_mode     = "defensive"
}

resource "aws_lb_target_group" "app_target_group" {
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
    "edgeplan:cluster" = "partner-edge-eks"
  }
}

resource "aws_lb_listener" "alb_https_listener" {
  load_balancer_arn = aws_lb.alb.arn
  protocol          = "HTTPS"
  port              = 443
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app_target_group.arn
  }
}

resource "aws_lb_listener" "alb_http_listener" {
  load_balancer_arn = aws_lb.alb.arn
  protocol          = "HTTP"
  port              = 80
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_globalaccelerator_accelerator" "accelerator" {
  #checkov:skip=CKV_AWS_75:Flow logs need an S3 bucket of the account's; the guide's step turns them on once the accelerator exists, as for the CloudFormation stack.
  name            = local.stack_name
  ip_address_type = "IPV4"
  enabled         = true
  tags = {
    Name = "${local.stack_name}-accelerator"
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_globalaccelerator_listener" "listener" {
  accelerator_arn = aws_globalaccelerator_accelerator.accelerator.id
  protocol        = "TCP"
  port_range {
    from_port = 443
    to_port   = 443
  }
  port_range {
    from_port = 80
    to_port   = 80
  }
  client_affinity = "NONE"
}

resource "aws_globalaccelerator_endpoint_group" "endpoint_group" {
  listener_arn            = aws_globalaccelerator_listener.listener.id
  endpoint_group_region   = data.aws_region.current.name
  traffic_dial_percentage = 100
  endpoint_configuration {
    endpoint_id                    = aws_lb.alb.arn
    weight                         = 128
    client_ip_preservation_enabled = true
  }
  depends_on = [aws_lb_listener.alb_https_listener, aws_lb_listener.alb_http_listener]
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
    metric_name                = "partner-edge-global-accelerator-alb"
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
      metric_name                = "partner-edge-global-accelerator-alb-AWSManagedRulesCommonRuleSet"
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
      metric_name                = "partner-edge-global-accelerator-alb-AWSManagedRulesKnownBadInputsRuleSet"
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
      metric_name                = "partner-edge-global-accelerator-alb-AWSManagedRulesAmazonIpReputationList"
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
