package com.custom.cognito.providerlink.local.harness;

import com.custom.cognito.providerlink.wrapper.BuildInfo;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a JVM the way a user's machine (or {@code cfn test --docker-image}) would: its own process, its own scratch tmpdir. */
public final class Processes {

    public record Result(int exitCode, String stdout, String stderr) {
    }

    private Processes() {
    }

    public static Path handlerJar() {
        final Path jar = Path.of(System.getProperty("handler.jar",
            "target/" + BuildInfo.jarName("custom-cognito-providerlink")));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after mvn package");
        }
        return jar.toAbsolutePath();
    }

    public static Result java(final Path workingDirectory, final Map<String, String> environment, final String classpath,
        final String mainClass, final String... arguments) {
        final String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        return java(workingDirectory, Path.of("target", "wrapper-tmp-"
            + simpleName).toAbsolutePath(), environment, classpath, mainClass,
            arguments);
    }

    /**
     * A JVM with {@code java.io.tmpdir} set to {@code tmpdir}. When the build measures coverage, the JVM carries the
     * same JaCoCo agent as the test JVM ({@code jacoco.agent}), so that the code it runs counts too.
     */
    public static Result java(final Path workingDirectory, final Path tmpdir, final Map<String, String> environment,
        final String classpath, final String mainClass, final String... arguments) {
        return run(workingDirectory, environment, Duration.ofSeconds(120), javaCommand(tmpdir, true, classpath, mainClass,
            arguments));
    }

    /**
     * A JVM started as {@link #java} starts one, in this folder, and left running; without the coverage agent: such a JVM
     * ends by a signal, and one that halts while the agent writes would corrupt the coverage file every JVM appends to.
     */
    public static Running start(final Path tmpdir, final Map<String, String> environment, final String classpath,
        final String mainClass, final String... arguments) {
        try {
            final ProcessBuilder builder = new ProcessBuilder(javaCommand(tmpdir, false, classpath, mainClass, arguments));
            builder.environment().remove("AWS_ENDPOINT_URL");
            builder.environment().putAll(environment);
            final Path output = Files.createTempFile(Path.of("target").toAbsolutePath(), "running", ".txt");
            final Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            return new Running(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JVM that {@link #start} left running; what it printed (standard output and error) is in {@link #output}. */
    public record Running(Process process, Path outputFile) implements AutoCloseable {

        public String output() throws IOException {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        }

        /** SIGTERM, as a terminal's Ctrl-C or a kill delivers it; the exit code. */
        public int stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the process did not stop within 60 s of SIGTERM");
            }
            return process.exitValue();
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            Files.deleteIfExists(outputFile);
        }
    }

    private static List<String> javaCommand(final Path tmpdir, final boolean measured, final String classpath,
        final String mainClass, final String... arguments) {
        try {
            Files.createDirectories(tmpdir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString()));
        final String agent = System.getProperty("jacoco.agent", "");
        if (measured && agent.startsWith("-javaagent:")) {
            command.add(agent);
        }
        command.addAll(List.of("-Djava.io.tmpdir=" + tmpdir.toAbsolutePath(), "-XX:TieredStopAtLevel=1", "-cp", classpath,
            mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Any program, as a user at a terminal runs it: in {@code workingDirectory}, with {@code environment} added to
     * this JVM's (less AWS_ENDPOINT_URL, which would redirect every client), output captured, at most {@code timeout}.
     */
    public static Result run(final Path workingDirectory, final Map<String, String> environment, final Duration timeout,
        final List<String> command) {
        try {
            Files.createDirectories(workingDirectory);
            final ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
            builder.environment().remove("AWS_ENDPOINT_URL");
            builder.environment().putAll(environment);
            final Path out = Files.createTempFile(Path.of("target").toAbsolutePath(), "stdout", ".txt");
            final Path err = Files.createTempFile(Path.of("target").toAbsolutePath(), "stderr", ".txt");
            final Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
                    + " s:\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
            final Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
