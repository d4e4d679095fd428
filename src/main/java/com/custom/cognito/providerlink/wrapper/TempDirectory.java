package com.custom.cognito.providerlink.wrapper;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Where the plugin's wrapper may empty {@code java.io.tmpdir}, as it does on every request
 * ({@code AbstractWrapper.scrubFiles}): only where that directory belongs to the handler. Anywhere else (a user
 * trying the jar on a workstation, a build server) the wrapper leaves every file alone; the handler writes none there.
 *
 * <ul>
 *   <li>inside Lambda (its sandbox's {@code /tmp}): the runtime sets {@code AWS_LAMBDA_FUNCTION_NAME} and
 *       {@code LAMBDA_TASK_ROOT};</li>
 *   <li>in a container started for the handler, as {@code cfn test --docker-image} starts one ({@code java -cp
 *       handler.jar ...} as the entry point): a Docker or Podman container whose first process is this JVM;</li>
 *   <li>in a directory the user named for it: {@code -Dproviderlink.scratchDir=<dir>}, the same as
 *       {@code java.io.tmpdir}.</li>
 * </ul>
 */
public final class TempDirectory {

    public static final String SCRATCH_PROPERTY = "providerlink.scratchDir";

    private final Map<String, String> environment;
    private final String tmpdir;
    private final String scratchDir;
    private final Predicate<Path> exists;
    private final LongSupplier pid;

    TempDirectory(final Map<String, String> environment, final String tmpdir, final String scratchDir,
        final Predicate<Path> exists,
        final LongSupplier pid) {
        this.environment = environment;
        this.tmpdir = tmpdir;
        this.scratchDir = scratchDir;
        this.exists = exists;
        this.pid = pid;
    }

    public static TempDirectory ofThisProcess() {
        return new TempDirectory(System.getenv(), System.getProperty("java.io.tmpdir"), System.getProperty(SCRATCH_PROPERTY),
            Files::exists, () -> ProcessHandle.current().pid());
    }

    /** Whether {@code java.io.tmpdir} is the handler's own, so the wrapper may empty it. */
    public boolean belongsToHandler() {
        return inLambda() || inContainerStartedForHandler() || namedForHandler();
    }

    private boolean inLambda() {
        return environment.get("AWS_LAMBDA_FUNCTION_NAME") != null && environment.get("LAMBDA_TASK_ROOT") != null;
    }

    @SuppressFBWarnings(value = "DMI_HARDCODED_ABSOLUTE_FILENAME", justification = "where Docker and Podman put their markers")
    private boolean inContainerStartedForHandler() {
        return pid.getAsLong() == 1 && (exists.test(Path.of("/.dockerenv")) || exists.test(Path.of("/run/.containerenv")));
    }

    private boolean namedForHandler() {
        if (scratchDir == null || scratchDir.isBlank() || tmpdir == null) {
            return false;
        }
        return Path.of(scratchDir).toAbsolutePath().normalize().equals(Path.of(tmpdir).toAbsolutePath().normalize());
    }
}
