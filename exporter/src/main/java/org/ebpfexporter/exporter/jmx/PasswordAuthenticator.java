package org.ebpfexporter.exporter.jmx;

import java.nio.file.Path;
import java.util.Map;
import javax.management.remote.JMXAuthenticator;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Logs remote JMX clients in against {@code --jmx.password-file} with the JDK's own login module
 * (the one behind {@code com.sun.management.jmxremote.password.file}: clear or hashed entries),
 * then refuses users the access file does not name.
 *
 * <p>Unlike the JDK's authenticator it tells the client only "Authentication failed": the reason,
 * which may name the password file, goes to the exporter's log alone. It never rewrites the file
 * with hashes.
 */
final class PasswordAuthenticator implements JMXAuthenticator {
    private static final System.Logger logger = System.getLogger(PasswordAuthenticator.class.getName());
    /** The JDK's password file login module, found as a {@code LoginModule} service. */
    private static final String LOGIN_MODULE = "com.sun.jmx.remote.security.FileLoginModule";
    private static final String LOGIN_ENTRY = "ebpf-exporter-jmx";

    private final Configuration configuration;
    private final AccessRules rules;

    /**
     * @param passwordFile a file that passed {@link CredentialFiles#checkPasswordFile}
     * @param rules        who may log in, and with which level
     */
    PasswordAuthenticator(Path passwordFile, AccessRules rules) {
        AppConfigurationEntry[] entries = {new AppConfigurationEntry(LOGIN_MODULE,
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of("passwordFile", passwordFile.toString(), "hashPasswords", "false"))};
        this.configuration = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return entries.clone();
            }
        };
        this.rules = rules;
    }

    @Override
    public Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2 || pair[0] == null || pair[1] == null) {
            throw new SecurityException("Authentication failed: credentials must be a user name and a password");
        }
        String user = printable(pair[0]);
        Subject subject = new Subject();
        try {
            new LoginContext(LOGIN_ENTRY, subject, callbacks(pair[0], pair[1]), configuration).login();
        } catch (FailedLoginException e) {
            logger.log(System.Logger.Level.DEBUG, "remote JMX: wrong user name or password for \"{0}\"", user);
            throw refused();
        } catch (LoginException e) {
            logger.log(System.Logger.Level.WARNING, "remote JMX: login of \"{0}\" failed: {1}", user, e.getMessage());
            throw refused();
        }
        if (!rules.admits(subject)) {
            logger.log(System.Logger.Level.DEBUG, "remote JMX: \"{0}\" has no entry in the access file", user);
            throw refused();
        }
        subject.setReadOnly();
        return subject;
    }

    private static SecurityException refused() {
        return new SecurityException("Authentication failed");
    }

    private static CallbackHandler callbacks(String user, String password) {
        return callbacks -> {
            for (Callback callback : callbacks) {
                switch (callback) {
                    case NameCallback name -> name.setName(user);
                    case PasswordCallback secret -> secret.setPassword(password.toCharArray());
                    default -> throw new UnsupportedCallbackException(callback);
                }
            }
        };
    }

    /** The user name as sent, with control characters replaced so that it cannot forge log lines. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
