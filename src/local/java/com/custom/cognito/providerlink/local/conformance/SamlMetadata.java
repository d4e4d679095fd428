package com.custom.cognito.providerlink.local.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SAML identity-provider metadata for a provider that never signs anyone in: an entity id, a single sign-on URL under
 * {@code .invalid}, and a signing certificate made for this run with the JDK's keytool (the JDK has no API for it).
 */
final class SamlMetadata {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SamlMetadata() {
    }

    static String generate(final String entityId, final Path scratch) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        final Path keystore = Files.createTempFile(scratch, "saml-idp", ".p12");
        Files.delete(keystore);
        final String password = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        try {
            keytool(List.of("-genkeypair", "-alias", "idp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + Sandbox.TAG, "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password,
                "-keypass", password));
            final String pem = keytool(List.of("-exportcert", "-rfc", "-alias", "idp", "-keystore", keystore.toString(),
                "-storepass", password));
            final String certificate = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + entityId + "\">\n"
                + "  <md:IDPSSODescriptor WantAuthnRequestsSigned=\"false\""
                + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
                + "    <md:KeyDescriptor use=\"signing\">\n"
                + "      <ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>"
                + certificate + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\n"
                + "    </md:KeyDescriptor>\n"
                + "    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>\n"
                + "    <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                + " Location=\"https://idp.conformance.invalid/sso\"/>\n"
                + "  </md:IDPSSODescriptor>\n"
                + "</md:EntityDescriptor>\n";
        } finally {
            Files.deleteIfExists(keystore);
        }
    }

    private static String keytool(final List<String> arguments) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + arguments.get(0) + " failed: " + output.strip());
        }
        return output;
    }
}
