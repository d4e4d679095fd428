package com.custom.cognito.providerlink.local.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every request the emulator received, so tests can assert which operations a handler sent, and how often. */
public final class RequestLog {

    /** Operations that change state. */
    public static final Set<String> WRITES = Set.of("AdminLinkProviderForUser", "AdminDisableProviderForUser", "CreateUserPool",
        "DeleteUserPool", "CreateIdentityProvider", "AdminCreateUser", "AdminDeleteUser");

    /**
     * One request: the operation, the signing access key id (proof that the caller's credentials were injected; the
     * secret and session token are never kept), the Region it was signed for, its body, and the answer's status.
     */
    public record Entry(String operation, String accessKeyId, String region, JsonNode body, int status, String errorType) {

        /** A call that changed state: a write operation that Cognito carried out (even if its answer was then lost). */
        public boolean isWrite() {
            return WRITES.contains(operation) && status == 200;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(final Entry entry) {
        entries.add(entry);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<String> operations() {
        return entries.stream().map(Entry::operation).collect(Collectors.toList());
    }

    public synchronized long count(final String operation) {
        return entries.stream().filter(e -> e.operation().equals(operation)).count();
    }

    /** How many calls changed state. */
    public synchronized long writes() {
        return entries.stream().filter(Entry::isWrite).count();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Marks where a step starts, for {@link #since}. */
    public synchronized int mark() {
        return entries.size();
    }

    public synchronized List<Entry> since(final int mark) {
        return List.copyOf(entries.subList(mark, entries.size()));
    }
}
