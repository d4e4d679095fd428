package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.handlers.HandlerTable;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.ownership.Ownership;
import com.custom.cognito.providerlink.pacing.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.Logger;

/**
 * The handler runs of one event, and the one switch that ends them: once the answer is being decided
 * ({@link #closeAll}), no run starts and no attempt of a running one leaves, atomically with the reading of what each
 * run's {@link Ownership} says may have landed.
 */
final class Runs implements HandlerRun.Setting {

    private final HandlerTable handlers;
    private final ClientBuilder clients;
    private final Logger log;
    private final Pause pause;
    private final Supplier<Duration> timeLeft;
    private final String account;
    private final List<HandlerRun> started = new ArrayList<>();
    private final List<FunctionClient> made = new ArrayList<>();
    private boolean closed;

    Runs(final HandlerTable handlers, final ClientBuilder clients, final Logger log, final Pause pause,
        final Supplier<Duration> timeLeft, final String account) {
        this.handlers = handlers;
        this.clients = clients;
        this.log = log;
        this.pause = pause;
        this.timeLeft = timeLeft;
        this.account = account;
    }

    /** A new run, refused once the answer is being decided. */
    synchronized HandlerRun start(final Action action, final ProviderLink link, final String token) {
        if (closed) {
            throw new Ownership.NotSent("the answer to CloudFormation is being decided; no further operation starts");
        }
        final HandlerRun run = new HandlerRun(this, action, link, token);
        started.add(run);
        return run;
    }

    /** Ends every run: none starts, no attempt leaves, and each attempt in flight gets {@code settle} to be answered. */
    void closeAll(final Duration settle) throws InterruptedException {
        final List<HandlerRun> runs;
        synchronized (this) {
            closed = true;
            runs = List.copyOf(started);
            made.forEach(FunctionClient::stop);
        }
        for (HandlerRun run : runs) {
            run.close(settle);
        }
    }

    @Override
    public HandlerTable handlers() {
        return handlers;
    }

    @Override
    public synchronized FunctionClient client(final String region) {
        final FunctionClient client = new FunctionClient(clients.client(region), timeLeft);
        if (closed) {
            client.stop();
        }
        made.add(client);
        return client;
    }

    @Override
    public Logger log() {
        return log;
    }

    @Override
    public Pause pause() {
        return pause;
    }

    @Override
    public Duration timeLeft() {
        return timeLeft.get();
    }

    @Override
    public String account() {
        return account;
    }
}
