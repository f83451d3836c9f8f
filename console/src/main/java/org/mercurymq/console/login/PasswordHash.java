package org.mercurymq.console.login;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * One stored password: PBKDF2WithHmacSHA256 (the JDK's) with its own random salt and its iteration count.
 * {@link #matches} compares in constant time.
 */
public final class PasswordHash {
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** The count a new hash gets; a users file may hold more, never fewer than {@link #MIN_ITERATIONS}. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    public static final int MIN_ITERATIONS = 100_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    PasswordHash(int iterations, byte[] salt, byte[] hash) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be at least " + MIN_ITERATIONS + ", not " + iterations);
        }
        if (salt.length < 8 || hash.length < 16) {
            throw new IllegalArgumentException("salt or hash too short");
        }
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public static PasswordHash create(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /** Whether {@code password} hashes to this hash (compared in constant time). */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length));
    }

    /** The same iterations, salt and hash (a password changed in the users file gets a new salt). */
    boolean sameAs(PasswordHash other) {
        return iterations == other.iterations && Arrays.equals(salt, other.salt) && Arrays.equals(hash, other.hash);
    }

    int iterations() {
        return iterations;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] hash() {
        return hash.clone();
    }

    static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PasswordHash(" + iterations + " iterations)"; // never the salt or hash, they may end up in a log
    }
}
