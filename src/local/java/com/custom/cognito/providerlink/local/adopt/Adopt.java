package com.custom.cognito.providerlink.local.adopt;

import com.custom.cognito.providerlink.local.harness.CallerCredentials;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.TypeSchema;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/**
 * The {@code adopt} command: the links a pool already has, as CloudFormation import files and Terraform
 * configuration with its state, so that a team takes them over without deleting and re-making them (a sign-in in
 * between would make the identity a separate user, after which Cognito refuses the link for good).
 */
public final class Adopt {

    /** The files a run writes, and so the only ones a later run replaces. */
    private static final Pattern OWN_FILES = Pattern.compile(
        "cloudformation/stack-[0-9]+(-import\\.json|\\.yaml)|terraform/links\\.tf|terraform/adopted\\.tfstate"
            + "|adoption-report\\.md");

    private final PrintStream out;
    private final PrintStream err;

    public Adopt(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns its exit code (2: the options, 1: the pool could not be read). */
    public int run(final String[] args) throws IOException {
        final AdoptOptions.Parsed parsed = AdoptOptions.parse(args);
        if (parsed.options().isEmpty()) {
            err.println(parsed.problem() + "\nusage: " + AdoptOptions.USAGE);
            return 2;
        }
        final AdoptOptions options = parsed.options().get();
        final Set<String> excluded;
        try {
            excluded = excludedIds(options.excludeIds());
        } catch (IOException e) {
            err.println("--exclude-ids: cannot read " + options.excludeIds().get() + " (" + e.getMessage() + ")");
            return 2;
        }
        final Optional<Target> target = connect(options);
        if (target.isEmpty()) {
            return 2;
        }
        final long started = System.nanoTime();
        out.println("Reading every link of user pool " + options.userPoolId() + " through the type's List handler, against "
            + target.get().where());
        final Inventory inventory;
        final SourceAttributes attributes = new SourceAttributes(target.get().reader(), options.userPoolId());
        try {
            inventory = Inventory.of(target.get().handlers(), options.userPoolId(), attributes, excluded);
        } catch (Inventory.ListFailed e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            target.get().reader().close();
        }
        final List<Path> files = write(options, inventory, target.get(), attributes);
        out.println("Found " + inventory.found() + " links among " + target.get().clients().usersRead() + " users in "
            + Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0 + " s; wrote " + files.size() + " files under "
            + options.out() + " (see adoption-report.md)");
        return 0;
    }

    private List<Path> write(final AdoptOptions options, final Inventory inventory, final Target target,
        final SourceAttributes attributes) throws IOException {
        removePreviousRun(options.out());
        final List<List<AdoptedLink>> stacks = CloudFormationFiles.split(inventory.links(), options.stackSize());
        final List<Path> files = new ArrayList<>(CloudFormationFiles.write(options.out().resolve("cloudformation"), stacks,
            options.typeName(), options.userPoolId()));
        final List<AdoptedLink> forTerraform = inventory.links().stream().filter(AdoptedLink::fitsCloudControl).toList();
        files.addAll(TerraformFiles.write(options.out().resolve("terraform"), forTerraform, options.typeName(),
            options.userPoolId(), TypeSchema.named(options.typeName()).toString()));
        final Path report = options.out().resolve("adoption-report.md");
        final List<Path> listed = new ArrayList<>(files);
        listed.add(report);
        Files.writeString(report, AdoptionReport.render(new AdoptionReport.Scan(options.userPoolId(), options.typeName(),
            target.clients().usersRead(), target.clients().pagesRead(), inventory.listInvocations(), attributes.userReads(),
            attributes.unreadableProviders()), inventory, stacks, forTerraform, listed, options.out()), StandardCharsets.UTF_8);
        return listed;
    }

    /** Only this command's own files from an earlier run; anything else in the folder is the user's. */
    private static void removePreviousRun(final Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        final List<Path> previous;
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            previous = walk.filter(Files::isRegularFile)
                .filter(f -> OWN_FILES.matcher(folder.relativize(f).toString().replace('\\', '/')).matches()).toList();
        }
        for (Path file : previous) {
            Files.delete(file);
        }
    }

    private static Set<String> excludedIds(final Optional<Path> file) throws IOException {
        final Set<String> ids = new HashSet<>();
        if (file.isPresent()) {
            for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    ids.add(line.strip());
                }
            }
        }
        return ids;
    }

    /** Where the pool is read: the List handler through the real wrapper, and a client for the attribute look-ups. */
    private record Target(WrapperInvoker handlers, CountingClients clients, CognitoIdentityProviderClient reader,
        String where) {
    }

    private Optional<Target> connect(final AdoptOptions options) {
        final LocalContext context = new LocalContext(false, Duration.ofMinutes(15).toMillis());
        final CognitoIdentityProviderClientBuilder reader = CognitoIdentityProviderClient.builder()
            .region(Region.of(options.poolRegion()));
        if (options.endpoint().isPresent()) {
            final CountingClients clients = new CountingClients(options.endpoint().get());
            return Optional.of(new Target(WrapperInvoker.local(context, clients), clients, reader
                .endpointOverride(options.endpoint().get())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build(), "the Cognito endpoint " + options.endpoint().get()));
        }
        if (options.credentialOptions().isEmpty()) {
            err.println("Say where the pool is: --region R (your credentials, as invoke --region uses them) or --endpoint"
                + " URL (a local Cognito)\nusage: " + AdoptOptions.USAGE);
            return Optional.empty();
        }
        final Optional<CallerCredentials> caller = CallerCredentials.resolve(options.credentialOptions(), err);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        final WrapperInvoker.Credentials credentials = caller.get().credentials();
        final CountingClients clients = new CountingClients(null);
        return Optional.of(new Target(new WrapperInvoker(caller.get().region(), credentials, context, Duration.ofSeconds(60))
            .calling(clients), clients,
            reader.credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials
                .create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                .build(),
            "Cognito in " + caller.get().region() + " with your credentials"));
    }
}
