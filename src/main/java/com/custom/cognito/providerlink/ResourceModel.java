package com.custom.cognito.providerlink;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;
import org.json.JSONObject;

/**
 * The resource model, written by hand exactly as {@code cfn generate} would write it from
 * {@code custom-cognito-providerlink.json} (a test keeps the two in step).
 */
@Data
@Builder(toBuilder = true)
@AllArgsConstructor
@NoArgsConstructor
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class ResourceModel {

    @JsonIgnore
    public static final String TYPE_NAME = "Custom::Cognito::ProviderLink";

    @JsonIgnore
    public static final String IDENTIFIER_KEY_ID = "/properties/Id";

    @JsonProperty("Id")
    private String id;

    @JsonProperty("UserPoolId")
    private String userPoolId;

    @JsonProperty("SourceUser")
    private SourceUser sourceUser;

    @JsonProperty("DestinationUser")
    private DestinationUser destinationUser;

    @JsonProperty("DestinationUsername")
    private String destinationUsername;

    @JsonIgnore
    public JSONObject getPrimaryIdentifier() {
        final JSONObject identifier = new JSONObject();
        if (this.getId() != null) {
            identifier.put(IDENTIFIER_KEY_ID, this.getId());
        }
        // only return the identifier if it can be used, i.e. if all components are present
        return identifier.length() == 1 ? identifier : null;
    }

    @JsonIgnore
    public List<JSONObject> getAdditionalIdentifiers() {
        return null;
    }
}
