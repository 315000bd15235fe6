# edgeplan partner-api: discovery of the ingress NLB that Kubernetes creates (staggered deployment)

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  stack_name = "partner-api-discovery"
}

resource "aws_ssm_parameter" "nlb_arn_parameter" {
  #checkov:skip=CKV2_AWS_34:Holds a load balancer's ARN (or None), no secret: the frontend modules and CloudFormation's parameter type read it as a String.
  name        = "/edgeplan/partner-api/ingress-nlb-arn"
  type        = "String"
  value       = "None"
  description = "Set by the discovery function: the internal ingress NLB's ARN, or None while there is none"
  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "nlb_listener_parameter" {
  #checkov:skip=CKV2_AWS_34:Holds a load balancer's ARN (or None), no secret: the frontend modules and CloudFormation's parameter type read it as a String.
  name        = "/edgeplan/partner-api/ingress-nlb-listener-arn"
  type        = "String"
  value       = "None"
  description = "Set by the discovery function: the internal ingress NLB's port-80 listener ARN (for HTTP API VPC link integrations), or None while there is none"
  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "public_nlb_arn_parameter" {
  #checkov:skip=CKV2_AWS_34:Holds a load balancer's ARN (or None), no secret: the frontend modules and CloudFormation's parameter type read it as a String.
  name        = "/edgeplan/partner-api/public-ingress-nlb-arn"
  type        = "String"
  value       = "None"
  description = "Set by the discovery function: the internet-facing ingress NLB's ARN, or None while there is none"
  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_cloudwatch_log_group" "discovery_function_log_group" {
  #checkov:skip=CKV_AWS_158:The log holds what the function printed (load balancer ARNs and addresses), no secrets; CloudWatch Logs encrypts it at rest with its own key.
  retention_in_days = 365
}

resource "aws_iam_role" "discovery_function_role" {
  description = "Runs DiscoveryFunction: Finds the ingress NLB by its kubernetes.io/service-name tag and records it in SSM and Route 53"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "lambda.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "discovery_function_role_discovery_function" {
  name = "DiscoveryFunction"
  role = aws_iam_role.discovery_function_role.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.discovery_function_log_group.arn}:*"
      },
      {
        Sid      = "FindLoadBalancers"
        Effect   = "Allow"
        Action   = ["elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeListeners"]
        Resource = "*"
      },
      {
        Sid      = "KeepParameters"
        Effect   = "Allow"
        Action   = ["ssm:GetParameter", "ssm:PutParameter"]
        Resource = ["arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter/edgeplan/partner-api/ingress-nlb-arn", "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter/edgeplan/partner-api/ingress-nlb-listener-arn", "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter/edgeplan/partner-api/public-ingress-nlb-arn"]
      },
      {
        Sid      = "UpsertRecords"
        Effect   = "Allow"
        Action   = "route53:ChangeResourceRecordSets"
        Resource = "arn:${data.aws_partition.current.partition}:route53:::hostedzone/${var.hosted_zone_id}"
        Condition = {
          "ForAllValues:StringEquals" = {
            "route53:ChangeResourceRecordSetsNormalizedRecordNames" = ["private-nlb.${var.domain_name}", "public-nlb.${var.domain_name}"]
            "route53:ChangeResourceRecordSetsRecordTypes"           = ["A"]
            "route53:ChangeResourceRecordSetsActions"               = ["UPSERT"]
          }
        }
      },
    ]
  })
}

resource "aws_lambda_function" "discovery_function" {
  #checkov:skip=CKV_AWS_116:Invoked by CloudFormation or a schedule that calls again; a failed run is logged and the next call repeats the work, so a dead-letter queue would hold nothing to replay.
  #checkov:skip=CKV_AWS_115:No reserved concurrency: Lambda keeps part of the account's concurrency unreserved, so a reservation fails to deploy in new accounts with a low quota; the function runs once a minute (discovery) or once a deploy (custom resource) and its work is idempotent.
  #checkov:skip=CKV_AWS_117:Calls only AWS APIs; inside the VPC it would need NAT or interface endpoints for each of them and gain nothing.
  #checkov:skip=CKV_AWS_173:The environment holds parameter names, a hosted zone ID and a domain name, no secrets; Lambda encrypts it at rest with its own key.
  #checkov:skip=CKV_AWS_272:The code is handler.py beside the module, zipped at deploy (the CloudFormation template inlines it); code signing would need a signing profile the account owns.
  #checkov:skip=CKV_AWS_50:A once-a-minute lookup whose log says what it found; X-Ray tracing would add write permissions and traces with nothing to follow.
  function_name    = "${local.stack_name}-DiscoveryFunction"
  description      = "Finds the ingress NLB by its kubernetes.io/service-name tag and records it in SSM and Route 53"
  runtime          = "python3.13"
  architectures    = ["arm64"]
  memory_size      = 128
  timeout          = 30
  role             = aws_iam_role.discovery_function_role.arn
  handler          = "handler.handler"
  filename         = "${path.module}/handler.zip"
  source_code_hash = filebase64sha256("${path.module}/handler.zip")
  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.discovery_function_log_group.name
  }
  environment {
    variables = {
      SERVICE_NAME             = "envoy-gateway-system/edgeplan-gateway"
      CLUSTER_NAME             = "partner-api-eks"
      NLB_ARN_PARAMETER        = "/edgeplan/partner-api/ingress-nlb-arn"
      NLB_LISTENER_PARAMETER   = "/edgeplan/partner-api/ingress-nlb-listener-arn"
      PUBLIC_NLB_ARN_PARAMETER = "/edgeplan/partner-api/public-ingress-nlb-arn"
      HOSTED_ZONE_ID           = var.hosted_zone_id
      DOMAIN_NAME              = var.domain_name
    }
  }
}

resource "aws_cloudwatch_event_rule" "discovery_schedule" {
  description         = "Runs the ingress NLB discovery every minute"
  schedule_expression = "rate(1 minute)"
  state               = "ENABLED"
}

resource "aws_cloudwatch_event_target" "discovery_schedule_discovery" {
  rule      = aws_cloudwatch_event_rule.discovery_schedule.name
  target_id = "discovery"
  arn       = aws_lambda_function.discovery_function.arn
}

resource "aws_lambda_permission" "discovery_schedule_permission" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.discovery_function.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.discovery_schedule.arn
}
