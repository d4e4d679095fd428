package com.custom.cognito.providerlink.wrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build this is: the project's version and the commit it was built from, as the build writes them into the jar
 * ({@code providerlink-build.properties}). The first line every handler invocation logs carries them, so the version
 * registered in an account can be traced to a commit and to its entry in CHANGELOG.md.
 */
public final class BuildInfo {

    /** Where the build writes it, at the root of the jar. */
    public static final String RESOURCE = "providerlink-build.properties";

    public static final String VERSION;
    public static final String COMMIT;

    static {
        final Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = build.getProperty("version", "unknown");
        COMMIT = build.getProperty("commit", "unknown");
    }

    private BuildInfo() {
    }

    /** The name the build gives the handler jar: {@code custom-cognito-providerlink-handler-<version>.jar}. */
    public static String jarName(final String artifactPrefix) {
        return artifactPrefix + "-handler-" + VERSION + ".jar";
    }

    /** The first line of every invocation's log. */
    public static String logLine() {
        return "Custom::Cognito::ProviderLink handler " + VERSION + " (commit " + COMMIT + ")";
    }
}
