package io.reactiveorm.internal.session;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for {@code GenerationType.UUID} keys, made without blocking.
 * {@code UUID.randomUUID()} reads {@code /dev/urandom} whenever its buffer runs dry, which blocks
 * a Netty event loop now and then; a DRBG is seeded once, when the session factory is built
 * ({@link #warmUp()}), and then works in memory.
 */
public final class RandomUuids {

    private static final SecureRandom RANDOM = drbg();

    private RandomUuids() {
    }

    private static SecureRandom drbg() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[16]); // seeds it here, not on the first flush
            return random;
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** Seeds the generator now (on the thread that builds the factory, which may block). */
    public static void warmUp() {
        next();
    }

    /** A new random UUID (RFC 4122 version 4). */
    static UUID next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (bytes[i] & 0xff);
            lsb = (lsb << 8) | (bytes[8 + i] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
