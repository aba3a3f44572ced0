package org.hozon.archive.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class S3SettingsTest {

    private static S3Settings settings(String endpoint, String credentials) {
        S3Settings s = new S3Settings();
        s.endpoint = endpoint;
        s.credentials = credentials;
        return s;
    }

    @Test
    void endpointIsUsedAsGiven() {
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")),
                settings(" http://127.0.0.1:9000 ", "static").endpoint());
    }

    @Test
    void awsMeansTheRegionalAwsEndpoint() {
        assertEquals(Optional.empty(), settings("AWS", "static").endpoint());
    }

    @Test
    void credentialsModes() {
        assertTrue(settings("aws", "static").staticCredentials());
        assertFalse(settings("aws", "default").staticCredentials());
        assertThrows(IllegalStateException.class, () -> settings("aws", "iam").staticCredentials());
    }
}
