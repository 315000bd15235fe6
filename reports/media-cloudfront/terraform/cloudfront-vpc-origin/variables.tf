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
      pods          = list(string)
    })
  })
}

variable "site_domain_name" {
  description = "The site's name that viewers use (an alternate domain name of the distribution)"
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", var.site_domain_name))
    error_message = "site_domain_name must match ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$."
  }
}

variable "viewer_certificate_arn" {
  description = "ACM certificate ARN for SiteDomainName, in us-east-1 (CloudFront's Region)"
  type        = string
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]+$", var.viewer_certificate_arn))
    error_message = "viewer_certificate_arn must match ^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]+$."
  }
}

variable "cloud_front_prefix_list_id" {
  description = "ID of the AWS-managed prefix list com.amazonaws.global.cloudfront.origin-facing in this Region (aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=com.amazonaws.global.cloudfront.origin-facing)"
  type        = string
  validation {
    condition     = can(regex("^pl-[0-9a-f]+$", var.cloud_front_prefix_list_id))
    error_message = "cloud_front_prefix_list_id must match ^pl-[0-9a-f]+$."
  }
}
