package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.CloudFormationStack.Step;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stack updates in the order CloudFormation runs them ({@link CloudFormationStack}): a changed DestinationUser is a
 * replacement (delete_then_create, from the schema), a renamed logical id a create before a delete, a failure a
 * rollback. After every update, what the stack believes and what Cognito holds agree: each link Cognito shows for
 * the identity belongs to exactly one of the stack's resources, and each resource's link exists.
 */
@ExtendWith(LocalCognito.class)
class StackUpdateTest {

    private static final String SUBJECT = "104578123456789012345";
    private final CloudFormationStack stack = new CloudFormationStack(LocalCognito.wrapper());

    @AfterEach
    void theStackAndCognitoAgreeOnEveryLink() {
        final List<String> believed = stack.resources().values().stream().map(m -> m.path("Id").asText()).sorted()
            .collect(Collectors.toList());
        assertThat(believed).as("no resource records a pending or empty identifier")
            .allMatch(id -> id.startsWith(LocalCognito.POOL + "|"));
        assertThat(holders().stream().map(username -> LocalCognito.POOL + "|Cognito|" + username + "|Google|" + SUBJECT).sorted()
            .collect(Collectors.toList())).as("Cognito's links are exactly the stack's").isEqualTo(believed);
    }

    @Test
    void changingTheDestinationReplacesTheLinkDeletingTheOldOneFirst(final CognitoEmulator cognito) {
        assertThat(stack.update(Map.of("Link", Models.googleTo("alice", SUBJECT)))).isTrue();
        final String oldId = stack.resources().get("Link").get("Id").asText();
        final int mark = cognito.requests().mark();

        assertThat(stack.update(Map.of("Link", Models.googleTo("bob", SUBJECT)))).isTrue();

        assertThat(stack.steps()).extracting(Step::action).containsExactly("CREATE", "DELETE", "CREATE");
        assertThat(cognito.requests().since(mark).stream().map(e -> e.operation()).filter(op -> op.startsWith("Admin")
            && !op.equals("AdminGetUser")))
            .as("unlinked before linked: the identity is never linked twice").containsExactly("AdminDisableProviderForUser",
                "AdminLinkProviderForUser");
        assertThat(holders()).containsExactly("bob");
        assertThat(stack.resources().get("Link").get("Id").asText()).isNotEqualTo(oldId);
    }

    @Test
    void aReplacementWhoseCreateFailsRollsBackToTheOldLink() {
        stack.update(Map.of("Link", Models.googleTo("alice", SUBJECT)));
        final JsonNode before = stack.resources().get("Link");

        assertThat(stack.update(Map.of("Link", Models.googleTo("nobody", SUBJECT)))).isFalse();

        assertThat(stack.steps()).containsExactly(new Step("CREATE", "Link", "SUCCESS"), new Step("DELETE", "Link", "SUCCESS"),
            new Step("CREATE", "Link", "FAILED NotFound"), new Step("CREATE", "Link", "SUCCESS"));
        assertThat(holders()).containsExactly("alice");
        assertThat(stack.resources().get("Link")).isEqualTo(before);
    }

    @Test
    void aReplacementThatFailsAfterItsLinkCallMayHaveLandedIsCleanedUpByTheRollback(final CognitoEmulator cognito) {
        stack.update(Map.of("Link", Models.googleTo("alice", SUBJECT)));
        cognito.faults().on("AdminLinkProviderForUser").after(0).times(5).inject(Kind.INTERNAL_ERROR);

        assertThat(stack.update(Map.of("Link", Models.googleTo("bob", SUBJECT)))).isFalse();

        assertThat(stack.steps()).extracting(Step::toString).containsExactly(
            new Step("CREATE", "Link", "SUCCESS").toString(), new Step("DELETE", "Link", "SUCCESS").toString(),
            new Step("CREATE", "Link", "FAILED ServiceInternalError").toString(),
            new Step("DELETE", "Link", "FAILED NotFound").toString(), new Step("CREATE", "Link", "SUCCESS").toString());
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void aReplacementWhoseFirstLinkAnswerIsLostClaimsTheLinkItsOwnCallMade(final CognitoEmulator cognito) {
        stack.update(Map.of("Link", Models.googleTo("alice", SUBJECT)));
        cognito.faults().on("AdminLinkProviderForUser").times(1).inject(Kind.APPLY_THEN_RESET);
        cognito.faults().on("AdminLinkProviderForUser").times(4).inject(Kind.INTERNAL_ERROR);

        assertThat(stack.update(Map.of("Link", Models.googleTo("bob", SUBJECT)))).isTrue();

        assertThat(holders()).containsExactly("bob");
    }

    @Test
    void renamingTheLogicalIdCreatesBeforeDeletingSoTheNewLinkIsRefusedAndTheOldOneKept() {
        stack.update(Map.of("LinkA", Models.googleTo("alice", SUBJECT)));

        assertThat(stack.update(Map.of("LinkB", Models.googleTo("bob", SUBJECT)))).isFalse();

        assertThat(stack.steps()).containsExactly(new Step("CREATE", "LinkA", "SUCCESS"), new Step("CREATE", "LinkB",
            "FAILED AlreadyExists"));
        assertThat(holders()).containsExactly("alice");
        assertThat(stack.resources()).containsOnlyKeys("LinkA");
    }

    private static List<String> holders() {
        return LocalCognito.pool().holdersOf("Google",
            SUBJECT).stream().map(UserPools.User::username).collect(Collectors.toList());
    }
}
