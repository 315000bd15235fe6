# edgeplan partner-api: apigw-vpclink-nlb-http (apigw-vpclink-nlb, staggered deployment): HTTP API → VPC link V2 → internal NLB → Envoy Gateway

locals {
  stack_name  = "partner-api-apigw-vpclink-nlb-http"
  nlb_present = data.aws_ssm_parameter.nlb_listener_arn.insecure_value != "None"
}

data "aws_ssm_parameter" "nlb_listener_arn" {
  # ARN of the ingress NLB's port-80 listener, kept in SSM by the discovery stack (None until Kubernetes has made the NLB)
  name = "/edgeplan/partner-api/ingress-nlb-listener-arn"
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
  count                  = local.nlb_present ? 1 : 0
  api_id                 = aws_apigatewayv2_api.http_api.id
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  connection_type        = "VPC_LINK"
  connection_id          = aws_apigatewayv2_vpc_link.vpc_link.id
  integration_uri        = data.aws_ssm_parameter.nlb_listener_arn.insecure_value
  payload_format_version = "1.0"
  request_parameters = {
    "overwrite:header.x-edgeplan-client-ip" = "$context.identity.sourceIp"
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_apigatewayv2_route" "proxy_route" {
  #checkov:skip=CKV_AWS_309:A transparent proxy to the cluster: authentication is the application's, or an authorizer you add to these routes.
  count     = local.nlb_present ? 1 : 0
  api_id    = aws_apigatewayv2_api.http_api.id
  route_key = "ANY /{proxy+}"
  target    = "integrations/${aws_apigatewayv2_integration.http_integration[0].id}"
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_apigatewayv2_route" "default_route" {
  #checkov:skip=CKV_AWS_309:A transparent proxy to the cluster: authentication is the application's, or an authorizer you add to these routes.
  count     = local.nlb_present ? 1 : 0
  api_id    = aws_apigatewayv2_api.http_api.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.http_integration[0].id}"
  lifecycle {
    prevent_destroy = true
  }
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
