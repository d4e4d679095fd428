package com.custom.cognito.providerlink.contract;

import static com.custom.cognito.providerlink.contract.ContractAssertions.assertFailed;
import static com.custom.cognito.providerlink.contract.ContractAssertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.run.WrapperInvoker;
import com.custom.cognito.providerlink.local.run.WrapperInvoker.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stack updates as CloudFormation runs them for this type. Every property is create-only and the replacement
 * strategy is delete_then_create, so a changed DestinationUser is a DELETE of the old link, then a CREATE of the new
 * one; when that CREATE fails, the rollback CREATEs the old link again. After every step the identity is linked
 * to at most one user.
 */
@ExtendWith(LocalCognito.class)
class StackUpdateTest {

    private static final String SUBJECT = "104578123456789012345";
    private final WrapperInvoker wrapper = LocalCognito.wrapper();

    @AfterEach
    void theIdentityIsNeverLinkedTwice() {
        assertThat(LocalCognito.pool().holdersOf("Google", SUBJECT)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void changingTheDestinationReplacesTheLinkDeleteFirst() {
        final Event old = assertSucceeded(wrapper.invoke("CREATE", Models.googleTo("alice", SUBJECT)));

        assertSucceeded(wrapper.invoke("DELETE", old.model()));
        assertThat(holders()).isEmpty();
        final Event replacement = assertSucceeded(wrapper.invoke("CREATE", Models.googleTo("bob", SUBJECT), Models.googleTo("alice", SUBJECT)));

        assertThat(holders()).containsExactly("bob");
        assertThat(replacement.model().get("Id").asText()).isNotEqualTo(old.model().get("Id").asText());
    }

    @Test
    void aFailedReplacementRollsBackToTheOldLink(final CognitoEmulator cognito) {
        final JsonNode oldProperties = Models.googleTo("alice", SUBJECT);
        final Event old = assertSucceeded(wrapper.invoke("CREATE", oldProperties));

        assertSucceeded(wrapper.invoke("DELETE", old.model()));
        final Event failed = assertFailed(wrapper.invoke("CREATE", Models.googleTo("nobody", SUBJECT), oldProperties), "NotFound");
        assertThat(failed.message()).contains("DestinationUser").contains("user 'nobody'");
        assertThat(holders()).as("nothing was linked by the failed create").isEmpty();

        final Event restored = assertSucceeded(wrapper.invoke("CREATE", oldProperties));

        assertThat(restored.model()).isEqualTo(old.model());
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void aReplacementThatFailsAfterTheLinkIsMadeLeavesTheIdForTheRollbackToDelete(final CognitoEmulator cognito) {
        final JsonNode oldProperties = Models.googleTo("alice", SUBJECT);
        final Event old = assertSucceeded(wrapper.invoke("CREATE", oldProperties));
        assertSucceeded(wrapper.invoke("DELETE", old.model()));
        cognito.faults().on("AdminLinkProviderForUser").times(1).inject(com.custom.cognito.providerlink.local.emulator.Faults.Kind.APPLY_THEN_RESET);
        cognito.faults().on("AdminLinkProviderForUser").always().inject(com.custom.cognito.providerlink.local.emulator.Faults.Kind.INTERNAL_ERROR);

        final Event failed = assertFailed(wrapper.invoke("CREATE", Models.googleTo("bob", SUBJECT), oldProperties), "ServiceInternalError");
        assertThat(holders()).as("the first attempt took effect").containsExactly("bob");
        cognito.faults().clear();

        assertSucceeded(wrapper.invoke("DELETE", failed.model()));
        assertSucceeded(wrapper.invoke("CREATE", oldProperties));
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void createBeforeDeleteWouldCollideWhichIsWhyReplacementDeletesFirst() {
        assertSucceeded(wrapper.invoke("CREATE", Models.googleTo("alice", SUBJECT)));

        final Event collided = assertFailed(wrapper.invoke("CREATE", Models.googleTo("bob", SUBJECT)), "AlreadyExists");

        assertThat(collided.message()).contains("already linked to user 'alice'");
        assertThat(holders()).containsExactly("alice");
    }

    private static List<String> holders() {
        return LocalCognito.pool().holdersOf("Google", SUBJECT).stream().map(UserPools.User::username).collect(Collectors.toList());
    }
}
