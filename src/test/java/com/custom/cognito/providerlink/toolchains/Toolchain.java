package com.custom.cognito.providerlink.toolchains;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real clients a user drives the type with, found on this machine; a test whose client is missing is skipped
 * with the reason (which {@code .ci/run} prints), never passed.
 */
public final class Toolchain {

    private Toolchain() {
    }

    /** The executable {@code name} on PATH. */
    static Optional<Path> onPath(final String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            final Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** The executable, or the test is skipped saying which one is missing. */
    static Path require(final String name, final String whatFor) {
        final Optional<Path> found = onPath(name);
        Assumptions.assumeTrue(found.isPresent(), "SKIPPED: `" + name + "` is not on PATH (" + whatFor + ")");
        return found.get();
    }

    /** Deletes {@code folder} and everything in it, when it exists: a test's scratch copy under {@code target/}. */
    public static void deleteTree(final Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /**
     * A Terraform provider filesystem mirror holding {@code hashicorp/aws}: {@code TF_PROVIDER_MIRROR} if set, else
     * the places machines install one (no Terraform registry is reachable from the build).
     */
    @SuppressFBWarnings(value = "DMI_HARDCODED_ABSOLUTE_FILENAME", justification = "where packages install a mirror")
    static Path requireAwsProviderMirror() {
        final List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("TF_PROVIDER_MIRROR")).map(Path::of).ifPresent(candidates::add);
        final Path home = Path.of(System.getProperty("user.home"));
        candidates.addAll(List.of(Path.of("/opt/tf-plugins"), home.resolve(".terraform.d/plugins"),
            home.resolve(".local/share/terraform/plugins"), Path.of("/usr/local/share/terraform/plugins"),
            Path.of("/usr/share/terraform/plugins")));
        final Optional<Path> mirror = candidates.stream()
            .filter(m -> Files.isDirectory(m.resolve("registry.terraform.io/hashicorp/aws")))
            .findFirst();
        Assumptions.assumeTrue(mirror.isPresent(), "SKIPPED: no Terraform provider mirror with hashicorp/aws in " + candidates
            + " (set TF_PROVIDER_MIRROR)");
        return mirror.get();
    }
}
