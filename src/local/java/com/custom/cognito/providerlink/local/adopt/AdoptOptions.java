package com.custom.cognito.providerlink.local.adopt;

import com.custom.cognito.providerlink.local.registry.TypeName;
import com.custom.cognito.providerlink.model.PropertyRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The adopt command's options, checked before anything is read or written. */
public record AdoptOptions(String userPoolId, String typeName, Path out, int stackSize, Optional<Path> excludeIds,
    Optional<URI> endpoint, List<String> credentialOptions) {

    public static final String USAGE = "adopt --user-pool-id ID (--region R | --endpoint URL) --type-name Org::Service::Resource"
        + " --out DIR [--stack-size N] [--exclude-ids FILE]";

    /** The options, or the one line that says what to change. */
    static Parsed parse(final String[] args) {
        String pool = null;
        String type = null;
        Path out = null;
        int stackSize = CloudFormationFiles.MOST_PER_STACK;
        Path exclude = null;
        URI endpoint = null;
        final List<String> credentials = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            final String option = args[i];
            if (i + 1 >= args.length) {
                return Parsed.error(option + " needs a value");
            }
            final String value = args[++i];
            switch (option) {
                case "--user-pool-id" -> pool = value;
                case "--type-name" -> type = value;
                case "--out" -> out = Path.of(value);
                case "--exclude-ids" -> exclude = Path.of(value);
                case "--region" -> credentials.addAll(List.of(option, value));
                case "--stack-size" -> {
                    if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1
                        || Integer.parseInt(value) > CloudFormationFiles.MOST_PER_STACK) {
                        return Parsed.error("--stack-size must be 1 to " + CloudFormationFiles.MOST_PER_STACK
                            + " (a stack holds at most 500 resources)");
                    }
                    stackSize = Integer.parseInt(value);
                }
                case "--endpoint" -> {
                    endpoint = endpoint(value);
                    if (endpoint == null) {
                        return Parsed.error("--endpoint needs a URL such as http://127.0.0.1:9229");
                    }
                }
                default -> {
                    return Parsed.error("unknown option " + option);
                }
            }
        }
        if (pool == null || type == null || out == null) {
            return Parsed.error("--user-pool-id, --type-name and --out are required");
        }
        final Optional<String> poolProblem = PropertyRules.USER_POOL_ID.problem(pool);
        if (poolProblem.isPresent()) {
            return Parsed.error("--user-pool-id " + poolProblem.get());
        }
        try {
            TypeName.parse(type);
        } catch (IllegalArgumentException e) {
            return Parsed.error("--type-name: " + e.getMessage());
        }
        if (endpoint != null && !credentials.isEmpty()) {
            return Parsed.error("give --region (a real account) or --endpoint (a local Cognito), not both");
        }
        return new Parsed(Optional.of(new AdoptOptions(pool, type, out, stackSize, Optional.ofNullable(exclude),
            Optional.ofNullable(endpoint), List.copyOf(credentials))), null);
    }

    /** The Region the pool is in: its ID starts with it. */
    String poolRegion() {
        return userPoolId.substring(0, userPoolId.indexOf('_'));
    }

    record Parsed(Optional<AdoptOptions> options, String problem) {

        static Parsed error(final String problem) {
            return new Parsed(Optional.empty(), problem);
        }
    }

    private static URI endpoint(final String text) {
        try {
            final URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
