package com.custom.cognito.providerlink.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.Behaviour;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The conformance run, on the emulator: every assumption as assumed under the defaults, and each switch, flipped,
 * reported as different (so the probes measure rather than repeat the defaults), with the handlers coping either way.
 */
class ConformanceTest {

    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void underTheDefaultsEveryAssumptionIsAsAssumedAndTheHandlersCope() throws Exception {
        final ConformanceReport report = Conformance.onEmulator(Behaviour.defaults(), QUIET);

        assertThat(report.findings()).allSatisfy(f -> assertThat(f.verdict()).as(f.topic() + ": " + f.observed())
            .isEqualTo(Finding.Verdict.AS_ASSUMED));
        assertThat(report.handlersCoped()).isTrue();
        assertThat(report.findings().stream().map(Finding::behaviourSwitch).filter(s -> s != null).collect(Collectors.toSet()))
            .as("a probe for every switch").containsExactlyInAnyOrderElementsOf(Behaviour.switches());
        assertThat(report.errorTexts()).containsKeys("unknown provider", "a sixth link to one user",
            "destination with an immutable attribute");
        assertThat(report.cleanup()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("deleted user pool"));
        assertThat(report.markdown()).contains("17 of 17 as assumed", "coped with every answer");
    }

    static Stream<Arguments> flippedSwitches() {
        final Map<String, Consumer<Behaviour>> flips = Map.ofEntries(
            Map.entry("legacyAlreadyLinkedMessage", b -> b.legacyAlreadyLinkedMessage = true),
            Map.entry("emptyIdentitiesKeptAsEmptyArray", b -> b.emptyIdentitiesKeptAsEmptyArray = false),
            Map.entry("providerCheckedBeforeDestination", b -> b.providerCheckedBeforeDestination = true),
            Map.entry("federatedUsernameLimit", b -> b.federatedUsernameLimit = true),
            Map.entry("readLagCalls", b -> b.readLagCalls = 2),
            Map.entry("linkFindsDestinationByAlias", b -> b.linkFindsDestinationByAlias = false),
            Map.entry("aliasNeedsVerification", b -> b.aliasNeedsVerification = false),
            Map.entry("linkDespiteMergeRefusal", b -> b.linkDespiteMergeRefusal = true),
            Map.entry("linkAnsweredWithLegacyRefusal", b -> b.linkAnsweredWithLegacyRefusal = true),
            Map.entry("filterIgnoresCase", b -> b.filterIgnoresCase = true),
            Map.entry("alreadyLinkedAnsweredAsAliasExists", b -> b.alreadyLinkedAnsweredAsAliasExists = true));
        assertThat(flips.keySet()).containsExactlyInAnyOrderElementsOf(Behaviour.switches());
        return flips.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flippedSwitches")
    void aServiceThatDiffersFromASwitchIsReportedAsDifferentAndTheHandlersStillCope(final String name,
        final Consumer<Behaviour> flip)
        throws Exception {
        final Behaviour behaviour = Behaviour.defaults();
        flip.accept(behaviour);

        final ConformanceReport report = Conformance.onEmulator(behaviour, QUIET);

        final Finding probe = report.findings().stream().filter(f -> name.equals(f.behaviourSwitch())).findFirst()
            .orElseThrow();
        assertThat(probe.verdict()).as(probe.observed()).isEqualTo(Finding.Verdict.DIFFERENT);
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.handlersCoped()).as(f.topic() + ": " + f.handlers())
            .isTrue());
        assertThat(report.findings().stream().filter(f -> f.topic().startsWith("Lifecycle")))
            .allSatisfy(f -> assertThat(f.verdict()).as(f.observed()).isEqualTo(Finding.Verdict.AS_ASSUMED));
    }

    @Test
    void theDryRunListsEveryCallWithPoolPlaceholdersAndNeedsNoCredentials() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        final int exit = Conformance.dryRun("eu-west-1", new PrintStream(out, true, StandardCharsets.UTF_8));

        final String plan = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(plan).contains("In eu-west-1", "Dry run: nothing is sent", "CreateUserPool", "CreateIdentityProvider",
            "AdminCreateUser", "AdminLinkProviderForUser", "AdminDisableProviderForUser", "ListUsers", "DeleteUserPool",
            "<pool 1>", "<pool 3>", "<generated metadata>").doesNotContain("eu-west-1_", "EntityDescriptor");
    }

    @Test
    void theCleanupDeletesOnlyPoolsWithThePrefixAndTheRunsTag() throws Exception {
        try (CognitoEmulator emulator = CognitoEmulator.start(0); CognitoIdentityProviderClient cognito = client(emulator)) {
            final String run = Sandbox.PREFIX + "20260101-000000-abcd";
            final String leftover = cognito.createUserPool(r -> r.poolName(run + "-alias").userPoolTags(Map.of(Sandbox.TAG,
                run))).userPool().id();
            final String untagged = cognito.createUserPool(r -> r.poolName(Sandbox.PREFIX + "mine")).userPool().id();
            final String otherTag = cognito.createUserPool(r -> r.poolName(run + "-x").userPoolTags(Map.of(Sandbox.TAG,
                "someone-else"))).userPool().id();
            final String unrelated = cognito.createUserPool(r -> r.poolName("production").userPoolTags(Map.of(Sandbox.TAG,
                run))).userPool().id();

            final int deleted = Sandbox.sweep(cognito, QUIET);

            assertThat(deleted).isOne();
            assertThat(cognito.listUserPools(r -> r.maxResults(60)).userPools()).extracting(p -> p.id())
                .containsExactlyInAnyOrder(untagged, otherTag, unrelated).doesNotContain(leftover);
        }
    }

    @Test
    void theShutdownHookDeletesWhatTheRunCreatedAndTheRunDoesNotDeleteItTwice() throws Exception {
        try (CognitoEmulator emulator = CognitoEmulator.start(0); CognitoIdentityProviderClient cognito = client(emulator)) {
            final Sandbox sandbox = new Sandbox(cognito, QUIET, null);
            final String pool = sandbox.createPool("alias", p -> {
            });

            sandbox.shutdownHook().run();
            sandbox.close();

            assertThat(cognito.listUserPools(r -> r.maxResults(60)).userPools()).isEmpty();
            assertThat(sandbox.cleanupLog()).containsExactly("deleted user pool " + pool);
            assertThat(emulator.requests().count("DeleteUserPool")).isOne();
        }
    }

    @Test
    void aProviderTheServiceRefusesIsReportedWithItsTextAndItsProbeSkippedWhileTheRunGoesOn() throws Exception {
        try (CognitoEmulator emulator = CognitoEmulator.start(0)) {
            // Google in each of the three pools and Facebook come first; the fifth provider is the SAML one.
            emulator.faults().on("CreateIdentityProvider").after(4).times(1).inject(Faults.Kind.ACCESS_DENIED);

            final ConformanceReport report = Conformance.onEmulator(emulator, "us-east-1", QUIET);

            final Finding saml = report.findings().stream().filter(f -> f.topic().startsWith("SAML")).findFirst().orElseThrow();
            assertThat(saml.verdict()).isEqualTo(Finding.Verdict.NOT_PROBED);
            assertThat(saml.observed()).contains("refused the SAML provider", "AccessDeniedException");
            assertThat(report.errorTexts()).containsKey("CreateIdentityProvider ConfSAML refused");
            assertThat(report.handlersCoped()).isTrue();
            assertThat(report.cleanup()).hasSize(3);
        }
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        final int exit = Conformance.run(new String[]{"--regoin", "eu-west-1"}, new PrintStream(out, true,
            StandardCharsets.UTF_8), System.in);

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unknown option --regoin", "usage: conformance");
    }

    private static CognitoIdentityProviderClient client(final CognitoEmulator emulator) {
        return CognitoIdentityProviderClient.builder().region(Region.US_EAST_1).endpointOverride(emulator.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

}
