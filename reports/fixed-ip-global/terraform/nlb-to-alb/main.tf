# edgeplan partner-edge: nlb-to-alb (nlb-to-alb): internet-facing NLB with Elastic IPs → internal ALB → pods

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name = "partner-edge-nlb-to-alb"
}

resource "aws_eip" "nlb_eip_a" {
  #checkov:skip=CKV2_AWS_19:The address belongs to the NLB's subnet mapping in this module (clients allow-list it), not to an instance.
  domain = "vpc"
  tags = {
    Name = "${local.stack_name}-nlb-a"
  }
}

resource "aws_eip" "nlb_eip_b" {
  #checkov:skip=CKV2_AWS_19:The address belongs to the NLB's subnet mapping in this module (clients allow-list it), not to an instance.
  domain = "vpc"
  tags = {
    Name = "${local.stack_name}-nlb-b"
  }
}

resource "aws_eip" "nlb_eip_c" {
  #checkov:skip=CKV2_AWS_19:The address belongs to the NLB's subnet mapping in this module (clients allow-list it), not to an instance.
  domain = "vpc"
  tags = {
    Name = "${local.stack_name}-nlb-c"
  }
}

resource "aws_security_group" "nlb_security_group" {
  description = "Public NLB: HTTPS from clients, to the internal ALB"
  vpc_id      = var.network.vpc_id
  ingress {
    description = "HTTPS from clients (allow-list the Elastic IPs on their side)"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    description = "To the internal ALB"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [var.network.vpc_cidr]
  }
  tags = {
    Name = "${local.stack_name}-NlbSecurityGroup"
  }
}

resource "aws_security_group" "alb_security_group" {
  description = "Internal ALB: HTTPS from the NLB only"
  vpc_id      = var.network.vpc_id
  ingress {
    description     = "HTTPS from the public NLB"
    protocol        = "tcp"
    from_port       = 443
    to_port         = 443
    security_groups = [aws_security_group.nlb_security_group.id]
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

resource "aws_lb" "nlb" {
  #checkov:skip=CKV_AWS_91:NLB access logs record TLS listeners only; this NLB forwards TCP to the ALB, which terminates TLS.
  #checkov:skip=CKV_AWS_150:No deletion protection, as in the CloudFormation stack: it would make every replacement Terraform plans (a changed scheme or subnets) fail; the staggered style's load balancers have prevent_destroy instead.
  load_balancer_type               = "network"
  internal                         = false
  security_groups                  = [aws_security_group.nlb_security_group.id]
  enable_cross_zone_load_balancing = true
  subnet_mapping {
    subnet_id     = var.network.subnet_ids.public[0]
    allocation_id = aws_eip.nlb_eip_a.allocation_id
  }
  subnet_mapping {
    subnet_id     = var.network.subnet_ids.public[1]
    allocation_id = aws_eip.nlb_eip_b.allocation_id
  }
  subnet_mapping {
    subnet_id     = var.network.subnet_ids.public[2]
    allocation_id = aws_eip.nlb_eip_c.allocation_id
  }
}

resource "aws_lb_target_group" "alb_target_group" {
  target_type = "alb"
  protocol    = "TCP"
  port        = 443
  vpc_id      = var.network.vpc_id
  health_check {
    enabled  = true
    protocol = "HTTPS"
    path     = "/"
    matcher  = "200-399"
  }
  depends_on = [aws_lb_listener.alb_https_listener]
}

resource "aws_lb_target_group_attachment" "alb_target_group_0" {
  target_group_arn = aws_lb_target_group.alb_target_group.arn
  target_id        = aws_lb.alb.arn
  port             = 443
}

resource "aws_lb_listener" "nlb_listener" {
  load_balancer_arn = aws_lb.nlb.arn
  protocol          = "TCP"
  port              = 443
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.alb_target_group.arn
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
    metric_name                = "partner-edge-nlb-to-alb"
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
      metric_name                = "partner-edge-nlb-to-alb-AWSManagedRulesCommonRuleSet"
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
      metric_name                = "partner-edge-nlb-to-alb-AWSManagedRulesKnownBadInputsRuleSet"
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
      metric_name                = "partner-edge-nlb-to-alb-AWSManagedRulesAmazonIpReputationList"
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
