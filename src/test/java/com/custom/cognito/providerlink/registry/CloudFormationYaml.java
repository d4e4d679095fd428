package com.custom.cognito.providerlink.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A CloudFormation template as JSON, with every short-form function ({@code !Ref X}, {@code !GetAtt A.B},
 * {@code !Sub ...}) in its long form ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}), as CloudFormation
 * reads it. Plain YAML readers drop the tags, and with them the difference between a reference and a string.
 */
public final class CloudFormationYaml {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudFormationYaml() {
    }

    public static JsonNode read(final Path template) throws IOException {
        return JSON.valueToTree(new Yaml(new Functions()).load(Files.readString(template)));
    }

    private static final class Functions extends SafeConstructor {

        Functions() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {

                @Override
                public Object construct(final Node node) {
                    final String function = node.getTag().getValue().substring(1);
                    final Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = "GetAtt".equals(function)
                            ? Arrays.asList(scalar.getValue().split("\\.", 2))
                            : constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    return Map.of("Ref".equals(function) || "Condition".equals(function) ? function : "Fn::" + function,
                        argument instanceof List<?> || argument instanceof Map<?, ?> ? argument : String.valueOf(argument));
                }
            });
        }
    }
}
