package org.hozon.archive.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ArchiveSettingsTest {

    @Test
    void retryDelayDoublesUpToTheMaximum() {
        ArchiveSettings s = new ArchiveSettings();
        s.retryDelaySeconds = 5;
        s.maxRetryDelaySeconds = 600;
        assertEquals(Duration.ofSeconds(5), s.retryDelay(1));
        assertEquals(Duration.ofSeconds(10), s.retryDelay(2));
        assertEquals(Duration.ofSeconds(320), s.retryDelay(7));
        assertEquals(Duration.ofSeconds(600), s.retryDelay(8));
        assertEquals(Duration.ofSeconds(600), s.retryDelay(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(5), s.retryDelay(0));
    }
}
