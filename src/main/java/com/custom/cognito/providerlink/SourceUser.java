package com.custom.cognito.providerlink;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;

/** The schema's {@code SourceUser} definition, as {@code cfn generate} would write it. */
@Data
@Builder
@AllArgsConstructor
@NoArgsConstructor
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class SourceUser {

    @JsonProperty("ProviderName")
    private String providerName;

    @JsonProperty("ProviderAttributeName")
    private String providerAttributeName;

    @JsonProperty("ProviderAttributeValue")
    private String providerAttributeValue;
}
