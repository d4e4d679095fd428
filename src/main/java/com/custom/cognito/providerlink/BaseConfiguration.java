package com.custom.cognito.providerlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import lombok.AllArgsConstructor;
import lombok.Data;
import org.json.JSONObject;
import org.json.JSONTokener;

@Data
@AllArgsConstructor
public abstract class BaseConfiguration {

    protected final String schemaFilename;

    /** Loads the resource schema from the classpath root, where the build copies it. */
    public JSONObject resourceSchemaJSONObject() {
        try (InputStream schema = this.getClass().getClassLoader().getResourceAsStream(schemaFilename)) {
            if (schema == null) {
                throw new IllegalStateException(schemaFilename + " is not on the classpath root");
            }
            return new JSONObject(new JSONTokener(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Links carry no tags. */
    public Map<String, String> resourceDefinedTags(final ResourceModel resourceModel) {
        return null;
    }
}
