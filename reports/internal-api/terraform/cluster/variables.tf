variable "network" {
  description = "The network module's stack_inputs output (terraform -chdir=../network output -json stack_inputs > network.auto.tfvars.json)"
  type = object({
    vpc_id             = string
    vpc_cidr           = string
    availability_zones = list(string)
    subnet_ids = object({
      public        = list(string)
      internal_elb  = list(string)
      endpoints     = list(string)
      control_plane = list(string)
      nodes         = list(string)
    })
  })
}

variable "kubernetes_version" {
  description = "EKS Kubernetes version (the plan's: the newest in standard support on 2026-12-01)"
  type        = string
  default     = "1.36"
  validation {
    condition     = can(regex("^1\\.[0-9]+$", var.kubernetes_version))
    error_message = "kubernetes_version must match ^1\\.[0-9]+$."
  }
}
