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

variable "cluster" {
  description = "The cluster module's stack_inputs output (terraform -chdir=../cluster output -json stack_inputs > cluster.auto.tfvars.json)"
  type = object({
    name = string
  })
}
