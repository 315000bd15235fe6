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

variable "domain_name" {
  description = "Domain of the public-nlb.<DomainName> record that names the NLB (discovery's record, or this stack's in the bound style)"
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", var.domain_name))
    error_message = "domain_name must match ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$."
  }
}

variable "hosted_zone_id" {
  description = "The public hosted zone of DomainName: it gets the certificate's DNS validation record (the zone the discovery stack writes public-nlb.<DomainName> into)"
  type        = string
}
