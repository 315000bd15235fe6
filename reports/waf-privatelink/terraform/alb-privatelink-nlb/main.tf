# edgeplan claims-prod: alb-privatelink-nlb (alb-privatelink-nlb, staggered deployment): public ALB → interface endpoint ENIs → endpoint service → internal NLB → Envoy Gateway
#
# EndpointIpsFunction: not made, the custom resource EndpointIps it serves is a data source in Terraform
# EndpointIpsFunctionLogGroup: not made, the custom resource EndpointIps it serves is a data source in Terraform
# EndpointIpsFunctionRole: not made, the custom resource EndpointIps it serves is a data source in Terraform

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name  = "claims-prod-alb-privatelink-nlb"
  nlb_present = data.aws_ssm_parameter.nlb_arn.insecure_value != "None"
}

data "aws_ssm_parameter" "nlb_arn" {
  # ARN of the ingress NLB, kept in SSM by the discovery stack (None until Kubernetes has made the NLB)
  name = "/edgeplan/claims-prod/ingress-nlb-arn"
}

resource "aws_vpc_endpoint_service" "endpoint_service" {
  #checkov:skip=CKV_AWS_123:The only consumer is the interface endpoint in this stack, in this account; no other principal is allowed to connect (no AWS::EC2::VPCEndpointServicePermissions), and manual acceptance would leave that endpoint pending.
  count                      = local.nlb_present ? 1 : 0
  network_load_balancer_arns = [data.aws_ssm_parameter.nlb_arn.insecure_value]
  acceptance_required        = false
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_security_group" "alb_security_group" {
  #checkov:skip=CKV_AWS_260:Port 80 only answers with a redirect to HTTPS (the HTTP listener has no other action).
  description = "Public ALB: HTTPS and HTTP (redirect) from the internet, HTTP to the endpoint ENIs"
  vpc_id      = var.network.vpc_id
  ingress {
    description = "HTTPS from the internet"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description = "HTTP from the internet, redirected to HTTPS"
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    description = "To the interface endpoint ENIs"
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = [var.network.vpc_cidr]
  }
  tags = {
    Name = "${local.stack_name}-AlbSecurityGroup"
  }
}

resource "aws_security_group" "endpoint_security_group" {
  description = "Interface endpoint ENIs: HTTP from the ALB only"
  vpc_id      = var.network.vpc_id
  ingress {
    description     = "HTTP from the public ALB"
    protocol        = "tcp"
    from_port       = 80
    to_port         = 80
    security_groups = [aws_security_group.alb_security_group.id]
  }
  egress {
    description = "Endpoint ENIs send nothing out; replies only"
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = [var.network.vpc_cidr]
  }
  tags = {
    Name = "${local.stack_name}-EndpointSecurityGroup"
  }
}

resource "aws_vpc_endpoint" "endpoint" {
  count               = local.nlb_present ? 1 : 0
  vpc_endpoint_type   = "Interface"
  service_name        = "com.amazonaws.vpce.${data.aws_region.current.name}.${aws_vpc_endpoint_service.endpoint_service[0].id}"
  vpc_id              = var.network.vpc_id
  subnet_ids          = var.network.subnet_ids.endpoints
  security_group_ids  = [aws_security_group.endpoint_security_group.id]
  private_dns_enabled = false
  lifecycle {
    prevent_destroy = true
  }
}

data "aws_network_interface" "endpoint_ips" {
  count = local.nlb_present ? 3 : 0
  id    = sort(tolist(aws_vpc_endpoint.endpoint[0].network_interface_ids))[count.index]
}

resource "aws_lb_target_group" "endpoint_target_group" {
  #checkov:skip=CKV_AWS_378:checkov does not connect resources under count (the staggered style's local.nlb_present), and what meets this check here is made under the same count (its HTTPS listener).
  count       = local.nlb_present ? 1 : 0
  target_type = "ip"
  protocol    = "HTTP"
  port        = 80
  vpc_id      = var.network.vpc_id
  health_check {
    enabled  = true
    protocol = "HTTP"
    path     = "/healthz"
    matcher  = "200"
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_lb_target_group_attachment" "endpoint_target_group_0" {
  count            = local.nlb_present ? 1 : 0
  target_group_arn = aws_lb_target_group.endpoint_target_group[0].arn
  target_id        = data.aws_network_interface.endpoint_ips[0].private_ip
  port             = 80
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_lb_target_group_attachment" "endpoint_target_group_1" {
  count            = local.nlb_present ? 1 : 0
  target_group_arn = aws_lb_target_group.endpoint_target_group[0].arn
  target_id        = data.aws_network_interface.endpoint_ips[1].private_ip
  port             = 80
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_lb_target_group_attachment" "endpoint_target_group_2" {
  count            = local.nlb_present ? 1 : 0
  target_group_arn = aws_lb_target_group.endpoint_target_group[0].arn
  target_id        = data.aws_network_interface.endpoint_ips[2].private_ip
  port             = 80
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_lb" "alb" {
  #checkov:skip=CKV_AWS_91:Access logs need an S3 bucket whose policy admits the ELB log delivery service; set access_logs.s3.enabled and access_logs.s3.bucket once the account's log bucket exists.
  #checkov:skip=CKV_AWS_150:No deletion protection, as in the CloudFormation stack: it would make every replacement Terraform plans (a changed scheme or subnets) fail; the staggered style's load balancers have prevent_destroy instead.
  #checkov:skip=CKV2_AWS_28:checkov does not connect resources under count (the staggered style's local.nlb_present), and what meets this check here is made under the same count.
  count                      = local.nlb_present ? 1 : 0
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.network.subnet_ids.public
  security_groups            = [aws_security_group.alb_security_group.id]
  drop_invalid_header_fields = true
  desync_mitigation_mode     = "defensive"
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_lb_listener" "alb_https_listener" {
  count             = local.nlb_present ? 1 : 0
  load_balancer_arn = aws_lb.alb[0].arn
  protocol          = "HTTPS"
  port              = 443
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.endpoint_target_group[0].arn
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_lb_listener" "alb_http_listener" {
  count             = local.nlb_present ? 1 : 0
  load_balancer_arn = aws_lb.alb[0].arn
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
    metric_name                = "claims-prod-alb-privatelink-nlb"
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
      metric_name                = "claims-prod-alb-privatelink-nlb-AWSManagedRulesCommonRuleSet"
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
      metric_name                = "claims-prod-alb-privatelink-nlb-AWSManagedRulesKnownBadInputsRuleSet"
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
      metric_name                = "claims-prod-alb-privatelink-nlb-AWSManagedRulesAmazonIpReputationList"
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
  resource_arn = aws_lb.alb[0].arn
  web_acl_arn  = aws_wafv2_web_acl.web_acl[0].arn
  lifecycle {
    prevent_destroy = true
  }
}
