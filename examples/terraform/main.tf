# The same link as examples/cloudformation/provider-link.yaml, declared through Cloud Control with the AWS provider.
# Register the type under your organisation first (README, "Register it in your account") and set var.type_name.
#
# A change to any property replaces the link: Terraform destroys the old one before creating the new one.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "type_name" {
  description = "The name you registered the type under."
  type        = string
  default     = "Acme::Cognito::ProviderLink"
}

variable "google_client_id" {
  type = string
}

variable "google_client_secret" {
  type      = string
  sensitive = true
}

variable "alice_google_subject" {
  description = "The sub claim of Alice's Google account; it must not have signed in to the pool yet."
  type        = string
}

resource "aws_cognito_user_pool" "pool" {
  name             = "provider-link-example"
  alias_attributes = ["email"]
}

resource "aws_cognito_identity_provider" "google" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "Google"
  provider_type = "Google"

  provider_details = {
    client_id        = var.google_client_id
    client_secret    = var.google_client_secret
    authorize_scopes = "openid email profile"
  }

  attribute_mapping = {
    email = "email"
  }
}

resource "aws_cognito_user" "alice" {
  user_pool_id   = aws_cognito_user_pool.pool.id
  username       = "alice"
  message_action = "SUPPRESS"

  attributes = {
    email = "alice@example.com"
  }

  # Cognito reports a linked identity as the user's "identities" attribute (AdminGetUser). The link resource below
  # owns it: without this, every plan after the link would try to remove the attribute from the user.
  lifecycle {
    ignore_changes = [attributes["identities"]]
  }
}

resource "aws_cloudcontrolapi_resource" "alice_google_link" {
  type_name = var.type_name

  # Referring to the provider's name (not writing "Google") makes Terraform create the provider first.
  desired_state = jsonencode({
    UserPoolId = aws_cognito_user_pool.pool.id
    SourceUser = {
      ProviderName           = aws_cognito_identity_provider.google.provider_name
      ProviderAttributeName  = "Cognito_Subject"
      ProviderAttributeValue = var.alice_google_subject
    }
    DestinationUser = {
      ProviderName           = "Cognito"
      ProviderAttributeValue = aws_cognito_user.alice.username
    }
  })
}

output "link_id" {
  description = "The link's identifier (Cloud Control's identifier)."
  value       = aws_cloudcontrolapi_resource.alice_google_link.id
}
