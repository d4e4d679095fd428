package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LIST over a pool of 10,000 users holding 2,000 links: every invocation answers within the list time limit and
 * hands back a token until the end, and the pages together hold every link exactly once. The timings it prints are
 * measurements, not assertions (beyond the 30 s contract limit, with ample headroom).
 */
@ExtendWith(LocalCognito.class)
class ScaleTest {

    private static final int USERS = 10_000;
    private static final int LINKED_EVERY = 5;

    @Test
    void listPagesThroughTenThousandUsersAndReturnsEachOfTwoThousandLinksOnce(final CognitoEmulator cognito) {
        final Set<String> expected = seed(cognito);
        assertThat(expected).hasSize(2_000);

        final Result result = listEverything(cognito);

        assertThat(result.ids()).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
        System.out.printf("LIST of %d users / %d links: %d invocations, %d ListUsers calls, slowest invocation %d ms, total %d "
            + "ms%n",
            USERS, expected.size(), result.pages(), cognito.requests().count("ListUsers"), result.slowest().toMillis(),
            result.total().toMillis());
    }

    @Test
    void listStillReturnsEveryLinkOnceWhenCognitoThrottlesItsPages(final CognitoEmulator cognito) {
        final Set<String> expected = seed(cognito);
        cognito.quotas().enable();
        for (int call = 0; call < 170; call += 10) {
            cognito.faults().on("ListUsers").after(call).times(1).inject(Kind.THROTTLE);
        }

        final Result result = listEverything(cognito);

        final long throttled = cognito.requests().entries().stream().filter(e -> "TooManyRequestsException".equals(e.errorType()))
            .count();
        assertThat(throttled).isGreaterThanOrEqualTo(16);
        assertThat(result.ids()).containsExactlyInAnyOrderElementsOf(expected);
        System.out.printf("LIST with every 10th ListUsers call throttled, under the UserList quota (30/s): %d invocations, %d "
            + "ListUsers calls"
            + " (%d throttled), slowest %d ms, total %d ms%n", result.pages(), cognito.requests().count("ListUsers"), throttled,
            result.slowest().toMillis(), result.total().toMillis());
    }

    private record Result(List<String> ids, int pages, Duration slowest, Duration total) {
    }

    private static Result listEverything(final CognitoEmulator cognito) {
        final WrapperInvoker wrapper = LocalCognito.wrapper();
        final List<String> ids = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        Duration total = Duration.ZERO;
        int pages = 0;
        String token = null;
        do {
            final Event page = wrapper.invokeOnce("LIST", Models.pool(), null, null, token);
            pages++;
            assertThat(page.status()).as(page.message()).isEqualTo("SUCCESS");
            assertThat(page.took()).as("each LIST invocation within the 30 s limit").isLessThan(ContractAssertions.READ_LIMIT);
            page.models().stream().map(m -> m.get("Id").asText()).forEach(ids::add);
            assertThat(page.models()).allSatisfy(ContractAssertions::assertNoWriteOnlyProperties);
            slowest = page.took().compareTo(slowest) > 0 ? page.took() : slowest;
            total = total.plus(page.took());
            token = page.nextToken();
        } while (token != null);
        assertThat(new HashSet<>(ids)).as("no link listed twice").hasSize(ids.size());
        return new Result(ids, pages, slowest, total);
    }

    private static Set<String> seed(final CognitoEmulator cognito) {
        synchronized (cognito.lock()) {
            final UserPools.Pool pool = LocalCognito.pool();
            for (int i = 0; i < USERS; i++) {
                final UserPools.User user = pool.addUser(String.format("user-%05d", i), Map.of("email", "user" + i
                    + "@example.com"));
                if (i % LINKED_EVERY == 0) {
                    pool.seedLink(user, "Google", "google-" + i);
                }
            }
            return pool.users().stream().flatMap(u -> u.identities().stream().filter(id -> !id.primary())
                .map(id -> LocalCognito.POOL + "|Cognito|" + u.username() + "|" + id.providerName() + "|" + id.userId()))
                .collect(Collectors.toSet());
        }
    }

}
