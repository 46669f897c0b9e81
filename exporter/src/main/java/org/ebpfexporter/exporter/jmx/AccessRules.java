package org.ebpfexporter.exporter.jmx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.security.auth.Subject;

/**
 * Who gets which {@link AccessLevel} over remote JMX: the {@code --jmx.access-file}, in the format
 * of the JDK's {@code jmxremote.access} ({@code user readonly} or {@code user readwrite}, read as
 * a properties file). Without the file every authenticated user, and every client of a connector
 * without authentication, gets the read-only view.
 *
 * @param levels   the level of each user named in the access file
 * @param fromFile whether an access file was given: then users it does not name are refused
 */
record AccessRules(Map<String, AccessLevel> levels, boolean fromFile) {
    /** No access file: the read-only view for everyone. */
    static final AccessRules READ_ONLY_FOR_ALL = new AccessRules(Map.of(), false);

    /** Copies the levels. */
    AccessRules {
        levels = Map.copyOf(levels);
    }

    /**
     * Reads and checks an access file.
     *
     * @throws IllegalArgumentException naming flag, file and user when the file fails
     *                                  {@link CredentialFiles#checkAccessFile} or an entry is not
     *                                  {@code readonly} or {@code readwrite}
     */
    static AccessRules read(Path file) {
        CredentialFiles.checkAccessFile(file);
        Properties entries = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            entries.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(CredentialFiles.ACCESS_FLAG + " " + file + ": " + e.getMessage(), e);
        }
        Map<String, AccessLevel> levels = new HashMap<>();
        for (String user : entries.stringPropertyNames()) {
            levels.put(user, level(file, user, entries.getProperty(user)));
        }
        return new AccessRules(levels, true);
    }

    /** Whether a login may proceed: always without an access file, else when it names the user. */
    boolean admits(Subject subject) {
        return !fromFile || subject.getPrincipals().stream().map(Principal::getName).anyMatch(levels::containsKey);
    }

    /** Whether the subject of a call (none without authentication) has full access. */
    boolean readWrite(Subject subject) {
        return subject != null && subject.getPrincipals().stream()
                .anyMatch(principal -> levels.get(principal.getName()) == AccessLevel.READWRITE);
    }

    /**
     * The level of one entry. The JDK's {@code create} and {@code unregister} clauses may follow
     * {@code readwrite}; they grant nothing more, since {@code readwrite} is full access here.
     */
    private static AccessLevel level(Path file, String user, String value) {
        String[] words = value.strip().split("\\s+");
        AccessLevel level = AccessLevel.parse(words[0]);
        boolean clausesFit = words.length == 1
                || level == AccessLevel.READWRITE && (words[1].equals("create") || words[1].equals("unregister"));
        if (level == null || !clausesFit) {
            throw new IllegalArgumentException(CredentialFiles.ACCESS_FLAG + " " + file + ": user \"" + user
                    + "\": \"" + value.strip() + "\" is not readonly or readwrite");
        }
        return level;
    }
}
