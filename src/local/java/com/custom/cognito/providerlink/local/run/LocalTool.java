package com.custom.cognito.providerlink.local.run;

import java.util.Arrays;
import java.util.Optional;

/**
 * The README's local commands ({@link Command}), run by {@code mvn -Plocal} in a JVM of their own; the arguments come in
 * {@code -Dlocal.args}.
 */
public final class LocalTool {

    private LocalTool() {
    }

    public static void main(final String[] args) throws Exception {
        final String[] words = args.length > 0 ? args : System.getProperty("local.args", "lifecycle").trim().split("\\s+");
        final Optional<Command> command = Command.named(words[0]);
        if (command.isEmpty()) {
            System.err.print(Command.usage());
            System.exit(2);
        }
        System.exit(command.get().run(Arrays.copyOfRange(words, 1, words.length)));
    }
}
