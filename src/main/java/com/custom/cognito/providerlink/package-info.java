/**
 * The CloudFormation plugin's entry points ({@code HandlerWrapper}, {@code HandlerWrapperExecutable}) and the classes
 * the CloudFormation CLI generates from the schema ({@code ResourceModel}, {@code SourceUser}, {@code DestinationUser},
 * {@code BaseHandler}, {@code Configuration}) plus the {@code CallbackContext} kept between invocations. The plugin
 * fixes this layout: the handlers must see these types, so {@code handlers} and this package import each other.
 * Nothing in the main tree calls the wrappers; the local harness invokes them as Lambda would.
 */
package com.custom.cognito.providerlink;
