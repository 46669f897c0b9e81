package org.ebpfexporter.exporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --jmx.*} flags: combinations, the authentication requirement and the files' checks. */
class JmxOptionsTest {
    private static final ListenAddress ADDRESS = ListenAddress.parse("127.0.0.1:9999");

    @TempDir
    Path dir;

    @Test
    void remoteOptionsNeedAnAddressAndAFixedPort() {
        Path file = Path.of("jmxremote.password");
        assertEquals("--jmx.password-file, --jmx.access-file, --jmx.ssl, --jmx.ssl.need-client-auth and "
                        + "--jmx.insecure-no-authentication need --jmx.listen-address",
                refusal(() -> new JmxOptions(null, file, null, false, false, false)));
        refusal(() -> new JmxOptions(null, null, null, true, false, false));
        refusal(() -> new JmxOptions(null, null, null, false, false, true));
        assertEquals("--jmx.listen-address needs a fixed port: the RMI registry and connector share it",
                refusal(() -> new JmxOptions(ListenAddress.parse("127.0.0.1:0"), null, null, false, false, true)));
    }

    @Test
    void remoteJmxWithoutAuthenticationNeedsTheOptOut() {
        assertEquals("--jmx.listen-address needs --jmx.password-file: without it anyone who reaches the port, every "
                        + "local user included, reads the JVM's MBeans; --jmx.insecure-no-authentication allows that "
                        + "explicitly",
                refusal(() -> new JmxOptions(ADDRESS, null, null, false, false, false)));
        assertEquals(ADDRESS, new JmxOptions(ADDRESS, null, null, false, false, true).listenAddress());
    }

    @Test
    void contradictionsAreRefused() throws IOException {
        Path passwords = JmxFiles.passwordFile(dir, "reader s3cret\n");
        assertEquals("--jmx.insecure-no-authentication contradicts --jmx.password-file: give one of them",
                refusal(() -> new JmxOptions(ADDRESS, passwords, null, false, false, true)));
        assertEquals("--jmx.ssl.need-client-auth needs --jmx.ssl",
                refusal(() -> new JmxOptions(ADDRESS, passwords, null, false, true, false)));
        assertEquals("--jmx.access-file needs --jmx.password-file",
                refusal(() -> new JmxOptions(ADDRESS, null, dir.resolve("access"), false, false, true)));
    }

    @Test
    void thePasswordFileMustBeReadableByItsOwnerOnly() throws IOException {
        Path passwords = JmxFiles.passwordFile(dir, "reader s3cret\n");
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw--w----", "rw----r--", "rw-----w-"}) {
            JmxFiles.withMode(passwords, mode);
            assertEquals("--jmx.password-file " + passwords + ": readable or writable by other users (" + mode
                    + "); restrict it to its owner: chmod 600 " + passwords, refusal(() -> withPasswords(passwords)));
        }
        for (String mode : new String[] {"rw-------", "r--------", "rwx--x--x"}) {
            JmxFiles.withMode(passwords, mode);
            assertEquals(passwords, withPasswords(passwords).passwordFile(), mode);
        }
    }

    @Test
    void aPasswordFileThatIsNoReadableFileIsRefused() throws IOException {
        Path missing = dir.resolve("missing.password");
        assertEquals("--jmx.password-file " + missing + ": no such file", refusal(() -> withPasswords(missing)));
        assertEquals("--jmx.password-file " + dir + ": not a regular file", refusal(() -> withPasswords(dir)));
        Path large = JmxFiles.withMode(Files.write(dir.resolve("large"), new byte[(1 << 20) + 1]), "rw-------");
        assertEquals("--jmx.password-file " + large + ": larger than 1048576 bytes", refusal(() -> withPasswords(large)));
    }

    @Test
    void theAccessFileMustExistAndBeWritableByItsOwnerOnly() throws IOException {
        Path passwords = JmxFiles.passwordFile(dir, "reader s3cret\n");
        Path missing = dir.resolve("missing.access");
        assertEquals("--jmx.access-file " + missing + ": no such file",
                refusal(() -> new JmxOptions(ADDRESS, passwords, missing, false, false, false)));
        Path access = JmxFiles.accessFile(dir, "reader readonly\n");
        JmxFiles.withMode(access, "rw-rw-r--");
        assertEquals("--jmx.access-file " + access + ": writable by other users (rw-rw-r--), who could grant "
                        + "themselves readwrite: chmod go-w " + access,
                refusal(() -> new JmxOptions(ADDRESS, passwords, access, false, false, false)));
        JmxFiles.withMode(access, "rw-r--r--");
        assertEquals(access, new JmxOptions(ADDRESS, passwords, access, false, false, false).accessFile());
    }

    @Test
    void aBadAccessLevelIsRefusedNamingTheUser() throws IOException {
        Path passwords = JmxFiles.passwordFile(dir, "reader s3cret\n");
        Path access = JmxFiles.accessFile(dir, "reader readonly\nadmin superuser\n");
        assertEquals("--jmx.access-file " + access + ": user \"admin\": \"superuser\" is not readonly or readwrite",
                refusal(() -> new JmxOptions(ADDRESS, passwords, access, false, false, false)));
    }

    private static JmxOptions withPasswords(Path passwords) {
        return new JmxOptions(ADDRESS, passwords, null, false, false, false);
    }

    private static String refusal(org.junit.jupiter.api.function.Executable executable) {
        return assertThrows(IllegalArgumentException.class, executable).getMessage();
    }
}
