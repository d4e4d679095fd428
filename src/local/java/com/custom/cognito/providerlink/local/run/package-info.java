/**
 * The commands of the local tool, one {@link com.custom.cognito.providerlink.local.run.Command} table that the tool
 * and the README test both read. It imports every other local package; nothing imports it.
 */
package com.custom.cognito.providerlink.local.run;
