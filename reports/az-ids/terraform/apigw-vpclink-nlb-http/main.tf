# edgeplan ledger-api: apigw-vpclink-nlb-http (apigw-vpclink-nlb, bound deployment): HTTP API → VPC link V2 → internal NLB → Envoy Gateway

locals {
  stack_name = "ledger-api-apigw-vpclink-nlb-http"
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
    description = "To the Envoy Gateway pods, in the pod block"
    protocol    = "tcp"
    from_port   = 10080
    to_port     = 10080
    cidr_blocks = ["100.64.0.0/20"]
  }
  egress {
    description = "Health checks of the Envoy Gateway pods"
    protocol    = "tcp"
    from_port   = 19003
    to_port     = 19003
    cidr_blocks = [var.network.vpc_cidr]
  }
  egress {
    description = "Health checks of the Envoy Gateway pods, in the pod block"
    protocol    = "tcp"
    from_port   = 19003
    to_port     = 19003
    cidr_blocks = ["100.64.0.0/20"]
  }
  tags = {
    Name = "${local.stack_name}-IngressNlbSecurityGroup"
  }
}

resource "aws_lb" "ingress_nlb" {
  #checkov:skip=CKV_AWS_91:NLB access logs record TLS listeners only; this NLB forwards TCP to Envoy Gateway, which logs every request.
  #checkov:skip=CKV_AWS_150:No deletion protection, as in the CloudFormation stack: it would make every replacement Terraform plans (a changed scheme or subnets) fail; the staggered style's load balancers have prevent_destroy instead.
  #checkov:skip=CKV2_AWS_20:A Network Load Balancer: its port-80 listener forwards TCP inside the VPC (PrivateLink or a VPC link), and there is no HTTP to redirect.
  load_balancer_type               = "network"
  internal                         = true
  subnets                          = var.network.subnet_ids.internal_elb
  security_groups                  = [aws_security_group.ingress_nlb_security_group.id]
  enable_cross_zone_load_balancing = true
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
    "edgeplan:cluster" = "ledger-api-eks"
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
  integration_uri        = aws_lb_listener.ingress_listener.arn
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
