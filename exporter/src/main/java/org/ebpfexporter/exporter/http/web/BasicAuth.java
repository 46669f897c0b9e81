package org.ebpfexporter.exporter.http.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks HTTP basic authentication against {@code basic_auth_users} (user name to bcrypt hash) as
 * the exporter-toolkit does: an unknown user costs the same bcrypt verification as a known one (a
 * dummy hash of the users' highest cost), bcrypt's comparison is constant-time, verifications run
 * one at a time so that a flood of wrong passwords takes one core at most, and successful ones are
 * cached under a SHA-256 of user and password, since bcrypt is deliberately slow.
 */
public final class BasicAuth {
    private static final int CACHED_SUCCESSES = 100;
    private static final String SCHEME = "basic ";
    private static final Pattern HASH = Pattern.compile("\\$2[abxy]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    private final Map<String, byte[]> hashes = new HashMap<>();
    private final byte[] dummyHash;
    private final ReentrantLock verifying = new ReentrantLock();
    private final Map<ByteBuffer, Boolean> successes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
            return size() > CACHED_SUCCESSES;
        }
    };

    /** @param users user name to bcrypt hash, each checked by {@link #cost(String)} */
    public BasicAuth(Map<String, String> users) {
        int cost = BCrypt.MIN_COST;
        for (Map.Entry<String, String> user : users.entrySet()) {
            hashes.put(user.getKey(), user.getValue().getBytes(StandardCharsets.UTF_8));
            cost = Math.max(cost, cost(user.getValue()));
        }
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        dummyHash = BCrypt.withDefaults().hash(cost, Base64.getEncoder().encodeToString(random).toCharArray());
    }

    /**
     * The cost of a bcrypt hash.
     *
     * @throws IllegalArgumentException when it is not a bcrypt hash
     */
    public static int cost(String hash) {
        Matcher matcher = HASH.matcher(hash);
        int cost = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("not a bcrypt hash ($2a$, $2b$ or $2y$, cost "
                    + BCrypt.MIN_COST + " to " + BCrypt.MAX_COST + ", 53 characters of salt and hash)");
        }
        return cost;
    }

    /** Whether an {@code Authorization} header (or null) carries a known user and its password. */
    public boolean allows(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = credentials.substring(0, colon);
        byte[] password = credentials.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        ByteBuffer key = cacheKey(user, password);
        synchronized (successes) {
            if (successes.containsKey(key)) {
                return true;
            }
        }
        byte[] hash = hashes.get(user);
        boolean verified = verify(password, hash == null ? dummyHash : hash) && hash != null;
        if (verified) {
            synchronized (successes) {
                successes.put(key, Boolean.TRUE);
            }
        }
        return verified;
    }

    private boolean verify(byte[] password, byte[] hash) {
        verifying.lock();
        try {
            return BCrypt.verifyer().verify(password, hash).verified;
        } catch (IllegalArgumentException e) {
            // A password longer than bcrypt's 72 bytes: rejected, as Go's bcrypt rejects it.
            return false;
        } finally {
            verifying.unlock();
        }
    }

    private static ByteBuffer cacheKey(String user, byte[] password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] name = user.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(4).putInt(0, name.length));
            sha256.update(name);
            sha256.update(password);
            return ByteBuffer.wrap(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
