/**
 * The HTTP plumbing every local AWS endpoint shares: the JSON 1.1 protocol, the Host-header check, the errors in
 * AWS's shape. It imports nothing of this project; the emulator and the local Cloud Control endpoint import it.
 */
package com.custom.cognito.providerlink.local.aws;
