package org.hozon.archive.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {
    final SecretKey kek = DataKeys.generate();
    final ObjectIdentity id = new ObjectIdentity("tenant-a", "1.2.3.4", "kek-1");

    @Test
    void wrapBindsTenantInstanceAndKeyId() throws Exception {
        SecretKey dek = DataKeys.generate();
        byte[] wrapped = DataKeys.wrap(kek, dek, id);
        assertEquals(DataKeys.WRAPPED_LENGTH, wrapped.length);
        assertArrayEquals(dek.getEncoded(), DataKeys.unwrap(kek, wrapped, id).getEncoded());
        assertNotEquals(new String(wrapped, "ISO-8859-1"), new String(DataKeys.wrap(kek, dek, id), "ISO-8859-1"));
        assertThrows(EnvelopeException.class, () -> DataKeys.unwrap(kek, wrapped, new ObjectIdentity("tenant-b", "1.2.3.4", "kek-1")));
        assertThrows(EnvelopeException.class, () -> DataKeys.unwrap(kek, wrapped, new ObjectIdentity("tenant-a", "1.2.3.5", "kek-1")));
        assertThrows(EnvelopeException.class, () -> DataKeys.unwrap(kek, wrapped, new ObjectIdentity("tenant-a", "1.2.3.4", "kek-2")));
        assertThrows(EnvelopeException.class, () -> DataKeys.unwrap(DataKeys.generate(), wrapped, id));
        byte[] bad = wrapped.clone();
        bad[20] ^= 1;
        assertThrows(EnvelopeException.class, () -> DataKeys.unwrap(kek, bad, id));
    }

    @Test
    void objectNamesAreStableOpaqueAndKeyed() {
        ObjectNames names = new ObjectNames(kek);
        String name = names.dataObject("tenant-a", "1.2.3.4");
        assertEquals(name, names.dataObject("tenant-a", "1.2.3.4"));
        assertEquals(64, name.length());
        assertNotEquals(name, names.dataObject("tenant-b", "1.2.3.4"));
        assertNotEquals(name, new ObjectNames(DataKeys.generate()).dataObject("tenant-a", "1.2.3.4"));
    }

    @Test
    void sidecarRoundTripsAndItsReceiptIsBound() throws Exception {
        Sidecar.Receipt receipt = new Sidecar.Receipt("tenant-a", "1.2.3.4", "ab".repeat(32), 1234);
        byte[] sealed = Sidecar.sealReceipt(kek, "kek-1", "objkey", receipt);
        Sidecar s = new Sidecar("kek-1", DataKeys.wrap(kek, DataKeys.generate(), id), sealed, new SegmentTable(40, new int[] {5, 6}));
        Sidecar back = Sidecar.decode(s.encode());
        assertEquals(s.segments(), back.segments());
        assertArrayEquals(s.wrappedKey(), back.wrappedKey());
        assertEquals(receipt, back.openReceipt(kek, "objkey"));
        assertThrows(EnvelopeException.class, () -> back.openReceipt(kek, "otherkey"));
        byte[] enc = s.encode();
        assertThrows(EnvelopeException.class, () -> Sidecar.decode(java.util.Arrays.copyOf(enc, enc.length - 2)));
    }

    @Test
    void loadsKeysFromPkcs12ByIdAndPicksTheActiveOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.p12");
        char[] pw = "secret".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, pw);
        SecretKey k1 = DataKeys.generate();
        SecretKey k2 = DataKeys.generate();
        ks.setEntry("kek-1", new KeyStore.SecretKeyEntry(k1), new KeyStore.PasswordProtection(pw));
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, pw);
        }
        KeyRing one = KeyRing.load(file, pw, Optional.empty());
        assertEquals("kek-1", one.activeId());
        ks.setEntry("kek-2", new KeyStore.SecretKeyEntry(k2), new KeyStore.PasswordProtection(pw));
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, pw);
        }
        assertThrows(IllegalStateException.class, () -> KeyRing.load(file, pw, Optional.empty()));
        KeyRing two = KeyRing.load(file, pw, Optional.of("kek-2"));
        assertArrayEquals(k2.getEncoded(), two.active().getEncoded());
        assertArrayEquals(k1.getEncoded(), two.get("kek-1").getEncoded());
        assertThrows(EnvelopeException.class, () -> two.get("kek-3"));
        assertThrows(IllegalStateException.class, () -> KeyRing.load(file, "wrong".toCharArray(), Optional.empty()));
    }
}
