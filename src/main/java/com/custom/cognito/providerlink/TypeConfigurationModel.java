package com.custom.cognito.providerlink;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;

/** The type has no configuration schema; the plugin still needs this class as the wrapper's third type parameter. */
@Data
@Builder
@AllArgsConstructor
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class TypeConfigurationModel {
}
