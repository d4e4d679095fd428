/**
 * The local Cloud Control, CloudFormation and STS endpoint that Terraform, the AWS CLI and CDK talk to: it registers
 * the type and drives the real wrapper through a resource request's invocations. It imports {@code aws},
 * {@code harness} and the main tree's {@code cognito} and {@code pacing}; only {@code run} imports it.
 */
package com.custom.cognito.providerlink.local.cloudcontrol;
