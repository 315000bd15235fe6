variable "hosted_zone_id" {
  description = "The Route 53 hosted zone that gets the private-nlb.<DomainName> and public-nlb.<DomainName> records"
  type        = string
}

variable "domain_name" {
  description = "The zone's domain name, lower case, without the final dot (for example example.com)"
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", var.domain_name))
    error_message = "domain_name must match ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$."
  }
}
