package com.custom.cognito.providerlink.local.conformance;

import static com.custom.cognito.providerlink.local.conformance.Finding.verdict;
import static com.custom.cognito.providerlink.local.conformance.ProbeKit.declared;
import static com.custom.cognito.providerlink.local.conformance.ProbeKit.definite;
import static com.custom.cognito.providerlink.local.conformance.ProbeKit.id;
import static com.custom.cognito.providerlink.local.conformance.ProbeKit.outcome;

import com.custom.cognito.providerlink.local.conformance.Finding.Verdict;
import com.custom.cognito.providerlink.local.emulator.Behaviour;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One probe per assumption in the README's "What is assumed about Cognito" and per {@link Behaviour} switch: what the
 * service answers to direct calls, then what the handlers do through the wrapper in the same situation.
 */
final class Probes {

    private static final Behaviour ASSUMED = Behaviour.defaults();
    private static final String SUBJECT = "Cognito_Subject";

    private final ProbeKit kit;
    private final Fixture fixture;

    Probes(final ProbeKit kit) {
        this.kit = kit;
        this.fixture = kit.fixture;
    }

    List<Finding> all() {
        final List<Finding> findings = new ArrayList<>();
        findings.add(destinationForms("alias pool", fixture.aliasPool(), Fixture.CAROL,
            List.of(Fixture.CAROL, Fixture.CAROL_EMAIL, kit.sub(fixture.aliasPool(), Fixture.CAROL))));
        findings.add(destinationForms("email-username pool", fixture.emailPool(), fixture.ginaUsername(),
            List.of(Fixture.GINA_EMAIL, kit.sub(fixture.emailPool(), fixture.ginaUsername()), fixture.ginaUsername())));
        findings.addAll(alreadyLinkedThenUnlinked());
        findings.add(checkOrder());
        findings.add(federatedUsernameLimit());
        findings.add(linkByAlias());
        findings.add(aliasVerification());
        findings.add(readLag());
        findings.add(filterCase());
        findings.add(fiveLinks());
        findings.add(immutableAttribute());
        findings.add(unlinkByAttribute(Fixture.SAML, "SAML"));
        findings.add(unlinkByAttribute(Fixture.OIDC, "OIDC"));
        findings.add(mergeRefusal());
        findings.add(errorYetLinked());
        return findings;
    }

    /**
     * One identity linked to one user, made in turn with the destination given by each form: it lands on the user, and
     * Create, Read and List give one Id whatever the form.
     */
    private Finding destinationForms(final String kind, final String pool, final String username, final List<String> forms) {
        final Set<String> ids = new LinkedHashSet<>();
        final List<String> problems = new ArrayList<>();
        final String value = kit.subject();
        for (String form : forms) {
            final WrapperInvoker.Event created = kit.run("CREATE", declared(pool, "Google", SUBJECT, value, form));
            if (!"SUCCESS".equals(created.status())) {
                problems.add("CREATE by " + form + ": " + outcome(created));
                continue;
            }
            final String linkId = created.model().path("Id").asText();
            ids.add(linkId);
            if (!kit.holder(pool, "Google", value, username)) {
                problems.add("the link by " + form + " is not on " + username);
            }
            final WrapperInvoker.Event read = kit.run("READ", id(linkId));
            if (!"SUCCESS".equals(read.status()) || !linkId.equals(read.model().path("Id").asText())) {
                problems.add("READ by " + form + ": " + outcome(read));
            }
            if (!kit.listedIds(pool).contains(linkId)) {
                problems.add("LIST does not show " + linkId);
            }
            final WrapperInvoker.Event deleted = kit.run("DELETE", id(linkId));
            final WrapperInvoker.Event gone = kit.run("READ", id(linkId));
            if (!"SUCCESS".equals(deleted.status()) || !"NotFound".equals(gone.errorCode())) {
                problems.add("DELETE by " + form + ": " + outcome(deleted) + ", then READ " + outcome(gone));
            }
        }
        final boolean oneId = problems.isEmpty() && ids.size() == 1;
        return new Finding("Lifecycle in the " + kind + ", destination by username, alias and sub", null,
            "AdminGetUser resolves every form to the user; Create, Read, List and Delete agree on one Id",
            oneId ? "one Id for " + forms.size() + " forms: " + ids.iterator().next() : "Ids " + ids + "; " + problems,
            verdict(oneId), oneId ? "CREATE, READ, LIST, DELETE, READ (NotFound) as expected" : String.join("; ", problems),
            oneId);
    }

    /** The "already linked" text, and how the last unlink leaves the identities attribute. */
    private List<Finding> alreadyLinkedThenUnlinked() {
        final String pool = fixture.aliasPool();
        final String value = kit.subject();
        final WrapperInvoker.Event created = kit.run("CREATE", declared(pool, "Google", SUBJECT, value, Fixture.FRANK));
        final Answer again = kit.link(pool, "Google", SUBJECT, value, Fixture.FRANK);
        final Answer other = kit.link(pool, "Google", SUBJECT, value, Fixture.ERIN);
        kit.remember("already linked, to the same user", again);
        kit.remember("already linked, to another user", other);
        final WrapperInvoker.Event second = kit.run("CREATE", declared(pool, "Google", SUBJECT, value, Fixture.ERIN));
        final boolean legacy = (other.text() + again.text()).contains("Cognito users with a username/password");
        final boolean aliasExists = "AliasExistsException".equals(other.errorCode());
        // The holder is named by its sub only, never by a username or email the stack did not name.
        final boolean holderNamed = "AlreadyExists".equals(second.errorCode()) && second.message().contains("whose sub is")
            && !second.message().contains(Fixture.FRANK);
        final Finding alreadyLinked = new Finding("\"Already linked\" answer", "legacyAlreadyLinkedMessage",
            describe(ASSUMED.legacyAlreadyLinkedMessage, "the pre-2024 \"Invalid SourceUser...\" text", "the current text"),
            "same user: " + again.text() + "; another user: " + other.text(),
            verdict(!other.ok() && legacy == ASSUMED.legacyAlreadyLinkedMessage),
            "second CREATE for another user: " + outcome(second), "SUCCESS".equals(created.status()) && holderNamed);

        final WrapperInvoker.Event deleted = kit.run("DELETE", id(created.model() == null
            ? ""
            : created.model().path("Id")
                .asText()));
        final String left = kit.identitiesText(pool, Fixture.FRANK).orElse(null);
        final WrapperInvoker.Event gone = kit.run("READ", id(created.model() == null
            ? ""
            : created.model().path("Id")
                .asText()));
        final boolean keptEmpty = "[]".equals(left);
        final Finding unlinked = new Finding("identities after the last unlink", "emptyIdentitiesKeptAsEmptyArray",
            describe(ASSUMED.emptyIdentitiesKeptAsEmptyArray, "kept as []", "removed"),
            left == null ? "removed" : "kept as " + left,
            verdict(left != null && keptEmpty == ASSUMED.emptyIdentitiesKeptAsEmptyArray
                || left == null && !ASSUMED.emptyIdentitiesKeptAsEmptyArray),
            "DELETE " + outcome(deleted) + ", then READ " + outcome(gone),
            "SUCCESS".equals(deleted.status()) && "NotFound".equals(gone.errorCode()));
        final Finding elsewhere = new Finding("\"Already linked\" to another user: the exception",
            "alreadyLinkedAnsweredAsAliasExists",
            describe(ASSUMED.alreadyLinkedAnsweredAsAliasExists, "AliasExistsException", "InvalidParameterException"),
            "another user: " + other.text(), verdict(!other.ok() && aliasExists == ASSUMED.alreadyLinkedAnsweredAsAliasExists),
            "second CREATE for another user: " + outcome(second), "SUCCESS".equals(created.status()) && holderNamed);
        return List.of(alreadyLinked, elsewhere, unlinked);
    }

    /** With both an unknown provider and a missing destination, which does Cognito report? */
    private Finding checkOrder() {
        final String pool = fixture.aliasPool();
        final String nobody = "nobody-" + kit.subject();
        final Answer unknownProvider = kit.link(pool, "NoSuchProvider", SUBJECT, kit.subject(), Fixture.CAROL);
        final Answer missingUser = kit.link(pool, "Google", SUBJECT, kit.subject(), nobody);
        final Answer both = kit.link(pool, "NoSuchProvider", SUBJECT, kit.subject(), nobody);
        kit.remember("unknown provider", unknownProvider);
        kit.remember("destination user missing", missingUser);
        final boolean providerFirst = both.text().contains("NoSuchProvider");
        final WrapperInvoker.Event handled = kit.run("CREATE", declared(pool, "NoSuchProvider", SUBJECT, kit.subject(), nobody));
        final WrapperInvoker.Event unknown = kit.run("CREATE", declared(pool, "NoSuchProvider", SUBJECT, kit.subject(),
            Fixture.CAROL));
        return new Finding("Which check comes first: provider configured, or destination exists",
            "providerCheckedBeforeDestination", describe(ASSUMED.providerCheckedBeforeDestination, "the provider",
                "the destination"),
            "both wrong: " + both.text(), verdict(!both.ok() && providerFirst == ASSUMED.providerCheckedBeforeDestination),
            "both wrong: " + outcome(handled) + "; unknown provider only: " + outcome(unknown),
            "FAILED".equals(handled.status()) && definite(handled) && "FAILED".equals(unknown.status()) && definite(unknown)
                && unknown.message().contains("SourceUser.ProviderName"));
    }

    /** A source whose provider name, "_" and value exceed 128 characters. */
    private Finding federatedUsernameLimit() {
        final String pool = fixture.aliasPool();
        final String value = kit.subject() + "0".repeat(110);
        final Answer direct = kit.link(pool, "Google", SUBJECT, value, Fixture.CAROL);
        kit.remember("source longer than a 128-character username", direct);
        if (direct.ok()) {
            kit.unlink(pool, "Google", SUBJECT, value);
        }
        final WrapperInvoker.Event created = kit.run("CREATE", declared(pool, "Google", SUBJECT, kit.subject() + "0".repeat(110),
            Fixture.CAROL));
        boolean coped = definite(created);
        if ("SUCCESS".equals(created.status())) {
            coped &= "SUCCESS".equals(kit.run("DELETE", id(created.model().path("Id").asText())).status());
        }
        return new Finding("Provider name + \"_\" + value longer than 128 characters (138 here)", "federatedUsernameLimit",
            describe(ASSUMED.federatedUsernameLimit, "refused", "linked"), direct.text(),
            verdict(direct.ok() != ASSUMED.federatedUsernameLimit), "CREATE " + outcome(created), coped);
    }

    /** AdminLinkProviderForUser given a native destination by its email alias rather than its username. */
    private Finding linkByAlias() {
        final String pool = fixture.aliasPool();
        final String value = kit.subject();
        final Answer direct = kit.link(pool, "Google", SUBJECT, value, Fixture.CAROL_EMAIL);
        final boolean onCarol = kit.holder(pool, "Google", value, Fixture.CAROL);
        if (onCarol) {
            kit.unlink(pool, "Google", SUBJECT, value);
        }
        kit.remember("destination given by email alias", direct);
        return new Finding("AdminLinkProviderForUser finds a destination by alias", "linkFindsDestinationByAlias",
            describe(ASSUMED.linkFindsDestinationByAlias, "yes", "no (username only)"),
            direct.ok() ? "linked " + (onCarol ? "to the aliased user" : "but not to the aliased user") : direct.text(),
            verdict(direct.ok() && onCarol == ASSUMED.linkFindsDestinationByAlias || !direct.ok()
                && !ASSUMED.linkFindsDestinationByAlias),
            "not affected: the handlers link by the username AdminGetUser answers (see the lifecycle rows)", true);
    }

    /** AdminGetUser by an email alias that is not verified. */
    private Finding aliasVerification() {
        final String pool = fixture.aliasPool();
        final boolean found = kit.identitiesText(pool, Fixture.DANA_EMAIL).isPresent()
            || Answer.of(() -> kit.cognito.adminGetUser(r -> r.userPoolId(pool).username(Fixture.DANA_EMAIL))).ok();
        final WrapperInvoker.Event created = kit.run("CREATE", declared(pool, "Google", SUBJECT, kit.subject(),
            Fixture.DANA_EMAIL));
        boolean coped = found
            ? "SUCCESS".equals(created.status())
            : "NotFound".equals(created.errorCode())
                && created.message().contains("DestinationUser");
        if ("SUCCESS".equals(created.status())) {
            coped &= "SUCCESS".equals(kit.run("DELETE", id(created.model().path("Id").asText())).status());
        }
        return new Finding("An unverified email alias stands for its user", "aliasNeedsVerification",
            describe(ASSUMED.aliasNeedsVerification, "no: only a verified alias is found", "yes"),
            found ? "AdminGetUser found the user" : "AdminGetUser: user not found",
            verdict(found != ASSUMED.aliasNeedsVerification), "CREATE by the unverified alias: " + outcome(created), coped);
    }

    /** How many AdminGetUser and ListUsers calls it takes to see a new link, and to see it gone. */
    private Finding readLag() {
        final String pool = fixture.aliasPool();
        final String value = kit.subject();
        final Answer linked = kit.link(pool, "Google", SUBJECT, value, Fixture.CAROL);
        final int getUser = kit.callsUntil(10, () -> kit.holder(pool, "Google", value, Fixture.CAROL));
        final int listUsers = kit.callsUntil(10, () -> kit.cognito.listUsers(r -> r.userPoolId(pool)
            .filter("username = \"" + Fixture.CAROL + "\"")).users().stream().flatMap(u -> u.attributes().stream())
            .anyMatch(a -> a.name().equals("identities") && a.value().contains(value)));
        kit.unlink(pool, "Google", SUBJECT, value);
        final int gone = kit.callsUntil(10, () -> !kit.holder(pool, "Google", value, Fixture.CAROL));
        final WrapperInvoker.Event created = kit.run("CREATE", declared(pool, "Google", SUBJECT, kit.subject(), Fixture.CAROL));
        final WrapperInvoker.Event read = created.model() == null
            ? created
            : kit.run("READ", id(created.model().path("Id")
                .asText()));
        final WrapperInvoker.Event deleted = created.model() == null
            ? created
            : kit.run("DELETE", id(created.model()
                .path("Id").asText()));
        final boolean immediate = getUser == 1 && gone == 1 && listUsers == 1;
        return new Finding("A link or unlink is visible at once", "readLagCalls", "AdminGetUser and ListUsers show it on"
            + " the first call after (readLagCalls = " + ASSUMED.readLagCalls + ")",
            linked.ok()
                ? "link: AdminGetUser at"
                    + " call " + getUser + ", ListUsers at call " + listUsers + "; unlink: AdminGetUser at call " + gone
                    + " (-1: not within 10)"
                : linked.text(),
            verdict(linked.ok() && immediate == (ASSUMED.readLagCalls == 0)),
            "CREATE " + outcome(created) + ", READ " + outcome(read) + ", DELETE " + outcome(deleted),
            "SUCCESS".equals(created.status()) && "SUCCESS".equals(read.status()) && "SUCCESS".equals(deleted.status()));
    }

    /** ListUsers' exact filter on email, in another case than stored. */
    private Finding filterCase() {
        final String pool = fixture.aliasPool();
        final int matches = kit.cognito.listUsers(r -> r.userPoolId(pool)
            .filter("email = \"" + Fixture.CAROL_EMAIL.toUpperCase(Locale.ROOT) + "\"")).users().size();
        return new Finding("ListUsers filters on email ignore case", "filterIgnoresCase",
            describe(ASSUMED.filterIgnoresCase, "yes", "no"), matches + " user(s) for the upper-cased email",
            verdict(matches > 0 == ASSUMED.filterIgnoresCase), "not affected: the handlers filter ListUsers on nothing",
            true);
    }

    /** A sixth link to one user. */
    private Finding fiveLinks() {
        final String pool = fixture.aliasPool();
        final List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            final WrapperInvoker.Event link = kit.run("CREATE", declared(pool, "Google", SUBJECT, kit.subject(), Fixture.ERIN));
            if ("SUCCESS".equals(link.status())) {
                made.add(link.model().path("Id").asText());
            }
        }
        final Answer sixth = kit.link(pool, "Google", SUBJECT, kit.subject(), Fixture.ERIN);
        kit.remember("a sixth link to one user", sixth);
        final WrapperInvoker.Event handled = kit.run("CREATE", declared(pool, "Google", SUBJECT, kit.subject(), Fixture.ERIN));
        int deleted = 0;
        for (String linkId : made) {
            deleted += "SUCCESS".equals(kit.run("DELETE", id(linkId)).status()) ? 1 : 0;
        }
        return new Finding("At most five links per user", null, "the sixth is refused with LimitExceededException",
            made.size() + " made; sixth: " + sixth.text(), verdict(made.size() == 5 && "LimitExceededException"
                .equals(sixth.errorCode())),
            "sixth CREATE: " + outcome(handled) + "; " + deleted + " of " + made.size()
                + " deleted",
            "ServiceLimitExceeded".equals(handled.errorCode()) && deleted == made.size());
    }

    /** A destination that has a value in an immutable attribute. */
    private Finding immutableAttribute() {
        final String pool = fixture.immutablePool();
        final Answer direct = kit.link(pool, "Google", SUBJECT, kit.subject(), Fixture.HENRY);
        kit.remember("destination with an immutable attribute", direct);
        final WrapperInvoker.Event handled = kit.run("CREATE", declared(pool, "Google", SUBJECT, kit.subject(), Fixture.HENRY));
        if ("SUCCESS".equals(handled.status())) {
            kit.run("DELETE", id(handled.model().path("Id").asText()));
        }
        return new Finding("A destination with an immutable attribute is refused", null,
            "refused: \"All attributes in the DestinationUser profile must be mutable\"", direct.text(),
            verdict(!direct.ok() && direct.message().contains("mutable")), "CREATE " + outcome(handled),
            direct.ok()
                ? "SUCCESS".equals(handled.status())
                : "InvalidRequest".equals(handled.errorCode())
                    && handled.message().contains("DestinationUser"));
    }

    /** A SAML or OIDC identity linked by a mapped attribute: which attribute unlinks it. */
    private Finding unlinkByAttribute(final String provider, final String kind) {
        final String topic = kind + " identity linked by an attribute unlinks by that attribute";
        if (fixture.refused().containsKey(provider)) {
            return new Finding(topic, null, "Cognito_Subject does not unlink it; the attribute it was linked by does",
                "the service refused the " + kind + " provider: " + fixture.refused().get(provider), Verdict.NOT_PROBED,
                "not run", true);
        }
        final String pool = fixture.aliasPool();
        final String value = "sam-" + kit.subject() + "@idp.example";
        final Answer linked = kit.link(pool, provider, "email", value, Fixture.CAROL);
        final Answer bySubject = kit.unlink(pool, provider, SUBJECT, value);
        final boolean stillLinked = kit.holder(pool, provider, value, Fixture.CAROL);
        final Answer byAttribute = stillLinked ? kit.unlink(pool, provider, "email", value) : bySubject;
        kit.remember(kind + " identity linked by email, unlinked by Cognito_Subject", bySubject);
        final WrapperInvoker.Event created = kit.run("CREATE", declared(pool, provider, "email", "sam-" + kit.subject()
            + "@idp.example", Fixture.CAROL));
        final String linkId = created.model() == null ? "" : created.model().path("Id").asText();
        final WrapperInvoker.Event deleted = kit.run("DELETE", id(linkId));
        final WrapperInvoker.Event gone = kit.run("READ", id(linkId));
        return new Finding(topic, null, "Cognito_Subject does not unlink it; the attribute it was linked by does",
            linked.ok()
                ? "by Cognito_Subject: " + bySubject.text() + "; then by email: " + byAttribute.text()
                : "link by email: " + linked.text(),
            verdict(linked.ok() && !bySubject.ok() && stillLinked && byAttribute.ok()),
            "CREATE " + outcome(created) + ", DELETE from the Id alone " + outcome(deleted) + ", READ " + outcome(gone),
            "SUCCESS".equals(created.status()) && "SUCCESS".equals(deleted.status()) && "NotFound".equals(gone.errorCode()));
    }

    /** A source that already has its own profile (it signed in before): refused, and is it linked all the same? */
    private Finding mergeRefusal() {
        final String pool = fixture.aliasPool();
        final String value = kit.subject();
        if (!kit.sandbox.signInFederated(pool, "Google", value)) {
            return new Finding("\"Merging is not currently supported\": refused, and not linked", "linkDespiteMergeRefusal",
                describe(ASSUMED.linkDespiteMergeRefusal, "linked all the same", "not linked"),
                "needs an external identity that has signed in to the pool, which no API can make", Verdict.NOT_PROBED,
                "covered by the suites under both settings", true);
        }
        final Answer direct = kit.link(pool, "Google", SUBJECT, value, Fixture.CAROL);
        final boolean linked = kit.holder(pool, "Google", value, Fixture.CAROL);
        kit.remember("source that has signed in before", direct);
        if (linked) {
            kit.unlink(pool, "Google", SUBJECT, value);
        }
        final WrapperInvoker.Event handled = kit.handlers.run("CREATE", declared(pool, "Google", SUBJECT, value,
            Fixture.CAROL));
        if (kit.holder(pool, "Google", value, Fixture.CAROL)) {
            kit.unlink(pool, "Google", SUBJECT, value);
        }
        return new Finding("\"Merging is not currently supported\": refused, and not linked", "linkDespiteMergeRefusal",
            describe(ASSUMED.linkDespiteMergeRefusal, "linked all the same", "not linked"),
            direct.text() + (linked ? "; linked all the same" : "; not linked"),
            verdict(!direct.ok() && linked == ASSUMED.linkDespiteMergeRefusal), "CREATE " + outcome(handled),
            linked
                ? ProbeKit.refusedYetShown(handled) && handled.message().contains("Merging")
                : "InvalidRequest".equals(handled.errorCode()) && handled.message().contains("Merging"));
    }

    /** Over every direct link call that answered an error: did any link all the same? */
    private Finding errorYetLinked() {
        final List<String> despite = kit.linkedDespiteError();
        return new Finding("A link call that answers an error made no link", "linkAnsweredWithLegacyRefusal",
            describe(ASSUMED.linkAnsweredWithLegacyRefusal, "some linked all the same", "none linked"),
            kit.erroringLinks() + " link calls answered an error; " + (despite.isEmpty()
                ? "none linked"
                : despite.size() + " linked all the same: " + despite),
            verdict(despite.isEmpty() != ASSUMED.linkAnsweredWithLegacyRefusal),
            kit.refusedYetShown() == 0
                ? "no create of the handlers was refused while its link was made"
                : kit.refusedYetShown() + " creates were refused while Cognito made their link: the handlers did not claim"
                    + " them and said how to import them, and the probes imported them by Id",
            true);
    }

    private static String describe(final boolean assumed, final String whenTrue, final String whenFalse) {
        return assumed ? whenTrue : whenFalse;
    }

    /** The exact error texts seen, keyed by situation. */
    Map<String, String> errorTexts() {
        return new LinkedHashMap<>(kit.errorTexts());
    }
}
