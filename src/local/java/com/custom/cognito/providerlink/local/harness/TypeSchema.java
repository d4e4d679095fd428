package com.custom.cognito.providerlink.local.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The resource schema as the build puts it in the handler jar, and under the name a type is registered as. */
public final class TypeSchema {

    /** Where the build puts the schema in the handler jar. */
    public static final String RESOURCE = "resource-schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TypeSchema() {
    }

    /** The schema as built. */
    public static ObjectNode read() {
        try (InputStream in = TypeSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build the handler jar first");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema with {@code typeName} as its type name, as the registry serves it under that name. */
    public static ObjectNode named(final String typeName) {
        return read().put("typeName", typeName);
    }
}
