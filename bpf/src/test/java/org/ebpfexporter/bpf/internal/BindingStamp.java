package org.ebpfexporter.bpf.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code bpf/jextract/binding.stamp}, as scripts/binding-stamp writes it: the SHA-256 of each
 * input of the generated binding (files of the project, and system headers), and of each generated
 * file. {@link #differences} recomputes them and names what no longer matches.
 *
 * @param packages  Debian package name to version, as recorded
 * @param inputs    project file (relative to the project root) to SHA-256
 * @param headers   absolute header path to SHA-256
 * @param generated generated file (relative to the generated source root) to SHA-256
 */
record BindingStamp(Map<String, String> packages, Map<String, String> inputs, Map<String, String> headers,
        Map<String, String> generated) {

    static BindingStamp read(Path file) throws IOException {
        Map<String, String> packages = new LinkedHashMap<>();
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.split(" ");
            switch (fields[0]) {
                case "package" -> packages.put(fields[1], fields[2]);
                case "input" -> inputs.put(fields[1], fields[2]);
                case "header" -> headers.put(fields[1], fields[2]);
                case "generated" -> generated.put(fields[1], fields[2]);
                default -> { } // comments and the jextract commit, which no machine can check
            }
        }
        return new BindingStamp(packages, inputs, headers, generated);
    }

    /** What differs between the stamp and the files now, one line each; empty when up to date. */
    List<String> differences(Path projectRoot, Path generatedRoot) throws IOException {
        List<String> differences = new ArrayList<>();
        inputs.forEach((file, sha) -> compare("input " + file, projectRoot.resolve(file), sha, differences));
        headers.forEach((file, sha) -> compare("header " + file, Path.of(file), sha, differences));
        Map<String, String> present = hashes(generatedRoot);
        for (String file : new TreeSet<>(generated.keySet())) {
            if (!present.containsKey(file)) {
                differences.add("generated " + file + " is missing");
            } else if (!present.get(file).equals(generated.get(file))) {
                differences.add("generated " + file + " was edited");
            }
        }
        present.keySet().stream().filter(file -> !generated.containsKey(file))
                .forEach(file -> differences.add("generated " + file + " is not in the stamp"));
        return differences;
    }

    /** Every regular file under {@code root}, by its path relative to it ('/'-separated). */
    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return hashes;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(root.relativize(file).toString().replace('\\', '/'), sha256(file));
            }
        }
        return hashes;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compare(String what, Path file, String expected, List<String> differences) {
        try {
            if (!sha256(file).equals(expected)) {
                differences.add(what + " changed");
            }
        } catch (NoSuchFileException e) {
            differences.add(what + " is missing");
        } catch (IOException e) {
            differences.add(what + " cannot be read: " + e.getMessage());
        }
    }
}
