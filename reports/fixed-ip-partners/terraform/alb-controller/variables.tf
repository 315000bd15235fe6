variable "network" {
  description = "The network module's stack_inputs output (terraform -chdir=../network output -json stack_inputs > network.auto.tfvars.json)"
  type = object({
    vpc_id             = string
    vpc_cidr           = string
    availability_zones = list(string)
    subnet_ids = object({
      public        = list(string)
      internal_elb  = list(string)
      control_plane = list(string)
      nodes         = list(string)
    })
  })
}

variable "certificate_arn" {
  description = "ACM certificate ARN for the ALB's HTTPS listener (the Ingress's alb.ingress.kubernetes.io/certificate-arn annotation)"
  type        = string
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$", var.certificate_arn))
    error_message = "certificate_arn must match ^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$."
  }
}
