variable "domain_name" {
  description = "The domain of the discovery stack's records: the API calls private-nlb.<DomainName>"
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", var.domain_name))
    error_message = "domain_name must match ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$."
  }
}
