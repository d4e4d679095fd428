# Points the example at the local endpoint instead of AWS: copy this file next to main.tf (in a scratch copy of the
# example) while the emulator runs (README, "Terraform"). Terraform reads only the .tf files of its working directory,
# so in examples/terraform itself this file is ignored and the example talks to AWS as written.

variable "emulator_endpoint" {
  description = "The emulator command's endpoint."
  type        = string
  default     = "http://127.0.0.1:9229"
}

provider "aws" {
  region     = "us-east-1"
  access_key = "local"
  secret_key = "local"

  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  skip_requesting_account_id  = true

  endpoints {
    cloudcontrolapi = var.emulator_endpoint
    cloudformation  = var.emulator_endpoint
    cognitoidp      = var.emulator_endpoint
    sts             = var.emulator_endpoint
  }
}
