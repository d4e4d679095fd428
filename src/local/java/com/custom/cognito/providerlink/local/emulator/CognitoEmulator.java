package com.custom.cognito.providerlink.local.emulator;

import com.custom.cognito.providerlink.local.aws.AwsEndpoint;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Cognito user-pool endpoint on 127.0.0.1 that the real SDK client (and the AWS CLI with {@code --endpoint-url})
 * talk to: the state, the operations, injected faults, optional quotas and a request log, served over an
 * {@link AwsEndpoint} of its own or one it shares with other local services. Test and tooling code only: it is not
 * in the handler jar.
 */
public final class CognitoEmulator implements AutoCloseable {

    private final AwsEndpoint endpoint;
    private final boolean ownsEndpoint;
    private final Behaviour behaviour;
    private final UserPools pools;
    private final Faults faults = new Faults();
    private final Quotas quotas = new Quotas();
    private final RequestLog requests = new RequestLog();

    private CognitoEmulator(final AwsEndpoint endpoint, final boolean ownsEndpoint, final Behaviour behaviour) {
        this.endpoint = endpoint;
        this.ownsEndpoint = ownsEndpoint;
        this.behaviour = behaviour;
        this.pools = new UserPools(behaviour);
        endpoint.register(new CognitoService(pools, new Operations(pools, behaviour), faults, quotas, requests));
    }

    /** Starts on {@code port}, or on a free ephemeral port when it is 0. */
    public static CognitoEmulator start(final int port) throws IOException {
        return start(port, Behaviour.defaults());
    }

    public static CognitoEmulator start(final int port, final Behaviour behaviour) throws IOException {
        return new CognitoEmulator(AwsEndpoint.start(port), true, behaviour);
    }

    /** Serves Cognito on an endpoint that other services share; closing the emulator leaves the endpoint running. */
    public static CognitoEmulator on(final AwsEndpoint endpoint) {
        return new CognitoEmulator(endpoint, false, Behaviour.defaults());
    }

    public URI endpoint() {
        return endpoint.uri();
    }

    /** The endpoint it is served on, for other local services to share. */
    public AwsEndpoint transport() {
        return endpoint;
    }

    /** The state, for direct seeding and inspection. Lock it ({@code synchronized (emulator.lock())}) while changing it. */
    public UserPools pools() {
        return pools;
    }

    public Object lock() {
        return pools;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public Faults faults() {
        return faults;
    }

    public Quotas quotas() {
        return quotas;
    }

    public RequestLog requests() {
        return requests;
    }

    /** Back to empty: no pools, faults, quotas, log entries, and default behaviour. */
    public void reset() {
        synchronized (pools) {
            pools.clear();
        }
        faults.clear();
        quotas.disable();
        requests.clear();
        behaviour.restoreDefaults();
    }

    @Override
    public void close() {
        if (ownsEndpoint) {
            endpoint.close();
        }
    }

    static Map<String, String> attributes(final String... nameValues) {
        final Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return map;
    }
}
