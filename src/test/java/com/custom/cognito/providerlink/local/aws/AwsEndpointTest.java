package com.custom.cognito.providerlink.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local endpoint answers only requests addressed to it by a loopback name: a page that rebinds its own host name
 * to 127.0.0.1, or any other name pointed here, gets 403 and nothing is done.
 */
class AwsEndpointTest {

    private static CognitoEmulator cognito;

    @BeforeAll
    static void start() throws IOException {
        cognito = CognitoEmulator.start(0);
    }

    @AfterAll
    static void stop() {
        cognito.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "LOCALHOST", "[::1]"})
    void aRequestAddressedToALoopbackNameOnThisPortIsAnswered(final String name) throws IOException {
        assertThat(statusOf(name + ":" + cognito.endpoint().getPort())).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"attacker.example:%d", "127.0.0.1.nip.io:%d", "127.0.0.1", "localhost:1", "127.0.0.1:%d.evil",
        "%d"})
    void aRequestAddressedToAnyOtherHostIsRefusedAndNothingIsDone(final String host) throws IOException {
        final int before = cognito.requests().entries().size();

        assertThat(statusOf(host.replace("%d", String.valueOf(cognito.endpoint().getPort())))).isEqualTo(403);
        assertThat(cognito.requests().entries()).hasSize(before);
    }

    /** A ListUserPools call sent over a raw socket, so that any Host header can be written. */
    private static int statusOf(final String host) throws IOException {
        final byte[] body = "{\"MaxResults\": 1}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", cognito.endpoint().getPort())) {
            final OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            final InputStream in = socket.getInputStream();
            final String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
