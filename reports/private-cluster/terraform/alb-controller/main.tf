# edgeplan vault-api: alb-controller (alb-controller): what the AWS Load Balancer Controller's ALB is configured with (web ACL, certificate, security group)

locals {
  stack_name = "vault-api-alb-controller"
}

resource "aws_security_group" "alb_security_group" {
  #checkov:skip=CKV_AWS_260:Port 80 only answers with a redirect to HTTPS (the alb.ingress.kubernetes.io/ssl-redirect annotation).
  #checkov:skip=CKV2_AWS_5:Attached by Kubernetes: the AWS Load Balancer Controller puts it on the load balancer it makes (the Ingress or Service annotation, or the Gateway's LoadBalancerConfiguration).
  description = "Controller-made ALB: HTTPS and HTTP (redirect) from the internet"
  vpc_id      = var.network.vpc_id
  ingress {
    description = "HTTPS from the internet"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description = "HTTP from the internet, redirected to HTTPS by the alb.ingress.kubernetes.io/ssl-redirect annotation"
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
  egress {
    description = "To the pods (IP targets), in the pod block"
    protocol    = "tcp"
    from_port   = 8080
    to_port     = 8080
    cidr_blocks = ["100.64.0.0/20"]
  }
  tags = {
    Name = "${local.stack_name}-AlbSecurityGroup"
  }
}
