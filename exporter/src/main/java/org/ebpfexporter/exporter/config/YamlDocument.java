package org.ebpfexporter.exporter.config;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A config file's text composed into snakeyaml's node tree, within limits that make a hostile
 * file fail fast with one line rather than take the exporter's time and memory:
 *
 * <ul>
 *   <li>at most {@link InputFiles#YAML_MAX_BYTES} of strict UTF-8;</li>
 *   <li>lines of at most {@link #MAX_LINE_CHARS} characters: snakeyaml's reader copies its
 *       look-ahead window again for every 1024 characters of a token or line, so its time grows
 *       with the square of the longest one (a 1 MiB line takes seconds);</li>
 *   <li>at most {@link #MAX_ALIASES} aliases of lists and mappings, which stops "billion laughs"
 *       documents;</li>
 *   <li>at most {@link #MAX_NESTING} levels of nesting: a config needs about ten.</li>
 * </ul>
 */
final class YamlDocument {
    /** Longest line accepted, in characters. */
    static final int MAX_LINE_CHARS = 64 * 1024;
    /** Most aliases of collections in one document (snakeyaml's default, stated here). */
    static final int MAX_ALIASES = 50;
    /** Deepest nesting of lists and mappings. */
    static final int MAX_NESTING = 32;

    private YamlDocument() {}

    /**
     * Decodes a config file's bytes, as strict UTF-8, and composes them.
     *
     * @param file what messages call the file
     * @throws ConfigException one line: file, position when known, problem
     */
    static Node compose(String file, byte[] bytes) {
        if (bytes.length > InputFiles.YAML_MAX_BYTES) {
            throw InputFiles.tooLarge(file, InputFiles.YAML_MAX_BYTES);
        }
        return compose(file, utf8(file, bytes));
    }

    /**
     * Composes YAML text.
     *
     * @param file what messages call the file
     * @throws ConfigException one line: file, position when known, problem
     */
    static Node compose(String file, String yaml) {
        checkLines(file, yaml);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(InputFiles.YAML_MAX_BYTES);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String at = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new ConfigException(file + at + ": invalid YAML: " + oneLine(e.getProblem()), e);
        } catch (YAMLException e) {
            throw new ConfigException(file + ": invalid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    /** Text in one line, for messages. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String utf8(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer text = decoder.decode(in);
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not valid UTF-8 (at byte " + in.position() + ")", e);
        }
    }

    private static void checkLines(String file, String yaml) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= yaml.length(); i++) {
            char c = i == yaml.length() ? '\n' : yaml.charAt(i);
            if (c == '\n' || c == '\r') {
                if (i - start > MAX_LINE_CHARS) {
                    throw new ConfigException(file + ":" + line + ": line longer than " + MAX_LINE_CHARS
                            + " characters");
                }
                line += c == '\n' ? 1 : 0;
                start = i + 1;
            }
        }
    }
}
