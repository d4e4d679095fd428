package com.custom.cognito.providerlink.local.aws;

import com.fasterxml.jackson.databind.JsonNode;

/** A service behind an {@link AwsEndpoint}: it answers one call, or throws an {@link AwsError}. */
public interface AwsService {

    /** The wire protocol, which decides how requests are recognised and answers written. */
    enum Protocol {

        /** {@code X-Amz-Target: <prefix>.<Operation>}, {@code application/x-amz-json-1.1}. */
        JSON_1_1("application/x-amz-json-1.1"),
        /** The same with {@code application/x-amz-json-1.0}. */
        JSON_1_0("application/x-amz-json-1.0"),
        /** Form-encoded {@code Action=<Operation>&Version=...}, answered in XML. */
        QUERY("text/xml");

        private final String contentType;

        Protocol(final String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    Protocol protocol();

    /** For the JSON protocols, the {@code X-Amz-Target} prefix; for the query protocol, the SigV4 service name. */
    String name();

    /** The answer: a JSON object for the JSON protocols, or the XML of the operation's result element for the query protocol. */
    Answer call(AwsCall call);

    /** An answer's body, JSON or XML, and whether the connection should be dropped instead (a lost answer). */
    record Answer(JsonNode json, String xml, boolean dropConnection) {

        public static Answer json(final JsonNode json) {
            return new Answer(json, null, false);
        }

        public static Answer xml(final String xml) {
            return new Answer(null, xml, false);
        }

        /** Close the connection without an answer. */
        public static Answer dropped() {
            return new Answer(null, null, true);
        }
    }
}
