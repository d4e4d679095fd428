/**
 * Local tools, never packaged in the handler jar. The packages below it form a graph without cycles
 * ({@code PackageGraphTest}): {@code aws} (the HTTP plumbing every local AWS endpoint shares) and {@code registry}
 * import nothing local; {@code emulator} imports {@code aws}; {@code harness} (how a local run invokes the real
 * wrapper) imports only the main tree; the tools ({@code bench}, {@code conformance}, {@code cloudcontrol},
 * {@code customresource}) import those; {@code run} (the commands) imports everything and nothing imports it.
 */
package com.custom.cognito.providerlink.local;
