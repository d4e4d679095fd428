package com.custom.cognito.providerlink.local.run;

import com.custom.cognito.providerlink.local.adopt.Adopt;
import com.custom.cognito.providerlink.local.adopt.AdoptOptions;
import com.custom.cognito.providerlink.local.bench.Bench;
import com.custom.cognito.providerlink.local.conformance.Conformance;
import com.custom.cognito.providerlink.local.registry.GeneratedFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The local commands, one table: {@link LocalTool} dispatches on it and the README's tests check every command it shows
 * against it. Each returns its exit code.
 */
public enum Command {

    LIFECYCLE("lifecycle", "", "CREATE, READ, LIST, DELETE, READ of requests/create.json against the embedded emulator,"
        + " then the custom-resource mode", args -> Lifecycle.run() ? 0 : 1),
    EMULATOR("emulator", "[--port N] [--seed-demo] [--type-name NAME]...", "the local AWS endpoint, until Ctrl-C",
        LocalEmulator::run),
    INVOKE("invoke", "ACTION FILE [--region R | --emulator | --endpoint URL]",
        "one action from a request file, like cfn invoke", args -> Invoke.run(args) ? 0 : 1),
    ADOPT("adopt", AdoptOptions.USAGE.substring("adopt ".length()),
        "the links a pool already has, as CloudFormation import files and Terraform configuration and state",
        args -> new Adopt(System.out, System.err).run(args)),
    GENERATE("generate", "", "docs/ and resource-role.yaml from the schema, as cfn generate writes them", args -> {
        GeneratedFiles.write(Path.of("."));
        System.out.println("Wrote docs/ and resource-role.yaml from " + GeneratedFiles.SCHEMA);
        return 0;
    }),
    PACKAGE("package", "--type-name Org::Cognito::ProviderLink [--runtime R]", "the registry package for that name",
        args -> RegistryPackageCommand.run(args) ? 0 : 2),
    BENCH("bench", "[--quick] [--only SCENARIO] [--baseline-jar JAR]", "the performance scenarios, one table", Bench::run),
    CONFORMANCE("conformance", "--region R [--yes] | --dry-run [--region R] | --cleanup --region R | --emulator",
        "the emulator's assumptions, checked", args -> Conformance.run(args, System.out, System.in));

    /** A command's work, given the words after its name. */
    @FunctionalInterface
    interface Work {

        int run(String[] args) throws Exception;
    }

    private final String word;
    private final String arguments;
    private final String summary;
    private final Work work;

    Command(final String word, final String arguments, final String summary, final Work work) {
        this.word = word;
        this.arguments = arguments;
        this.summary = summary;
        this.work = work;
    }

    public static Optional<Command> named(final String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
    }

    /** What follows {@code -Dlocal.args=} to run it. */
    public String word() {
        return word;
    }

    int run(final String[] args) throws Exception {
        return work.run(args);
    }

    /** Every command, one per line. */
    static String usage() {
        final StringBuilder usage = new StringBuilder("usage: -Dlocal.args=\"COMMAND [OPTIONS]\", one of:\n");
        for (Command command : values()) {
            usage.append(String.format("  %-12s %s%n               %s%n", command.word, command.arguments, command.summary));
        }
        return usage.toString();
    }
}
