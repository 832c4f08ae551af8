package dev.resonitelink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No words outside the message bundles: a template ({@code src/main/jte}) may show text only through the bundle
 * ({@code ${page.t(...)}} and the like), and the Java that renders pages may not hand a sentence to one. What is left
 * of a template once its expressions, directives and tags are taken out must hold no word, except the few names and
 * tokens below; the attributes a person reads or hears (alt, title, placeholder, aria-label) count as text too.
 */
class TemplateWordsTest {

    static final Path TEMPLATES = Path.of("src", "main", "jte");
    static final Path SOURCES = Path.of("src", "main", "java");

    /** Brand names and technical tokens, the same in every language. */
    static final Set<String> ALLOWED = Set.of();

    private static final Pattern READ_ATTRIBUTE =
            Pattern.compile("\\s(alt|title|placeholder|aria-label)=\"([^\"$]*)\"");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".jte")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void aTemplateHasNoWordOutsideTheBundle(Path template) throws IOException {
        assertThat(literalWords(Files.readString(template))).as(template + ": words not from the message bundle")
                .isEmpty();
    }

    @Test
    void theScanFindsLiteralWordsInTextAndInReadAttributes() {
        assertThat(literalWords("<p>${page.t(\"a.key\")}</p><p>Hello there</p>")).containsExactly("Hello", "there");
        assertThat(literalWords("<img alt=\"Avatar\" src=\"${x}\"><input placeholder=\"${page.t(\"k\")}\">"))
                .containsExactly("Avatar");
        assertThat(literalWords("@if(a.equals(\"Words in code\"))<b>${x ? \"yes\" : \"no\"}</b>@endif<%-- a note --%>"))
                .isEmpty();
        assertThat(literalWords("@template.layout(page = page, title = page.t(\"k\"), content = @`<h1>Title</h1>`)"))
                .containsExactly("Title");
    }

    @Test
    void everyKeyATemplateOrPageRendererNamesIsInTheBundle() throws IOException {
        Pattern named = Pattern.compile("(?:page\\.(?:t|html)\\(|Text\\.of\\(|page\\.link\\(\"[^\"]*\", )\"([a-zA-Z0-9_.]+)\"");
        Set<String> english = MessagesBundleTest.english().keySet();
        List<String> missing = new ArrayList<>();
        List<Path> files = new ArrayList<>(templates());
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            files.addAll(sources.filter(f -> f.toString().endsWith(".java")).toList());
        }
        int keys = 0;
        for (Path file : files) {
            Matcher m = named.matcher(Files.readString(file));
            while (m.find()) {
                keys++;
                if (!english.contains(m.group(1)) && !m.group(1).endsWith(".")) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(keys).as("keys found: the scan works").isGreaterThan(300);
        assertThat(missing).as("keys named in code but not in messages.properties").isEmpty();
    }

    @Test
    void noPageRendererHandsASentenceToAPage() throws IOException {

        Pattern sentenceAttribute = Pattern.compile("setAttribute\\(\"\\w+\",\\s*\"[^\"]*\\p{L}+ \\p{L}+");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = sentenceAttribute.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(file.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** The words a template shows that do not come from an expression. */
    static List<String> literalWords(String template) {
        String text = template.replaceAll("(?s)<%--.*?--%>", " ");
        text = withoutCode(text);
        List<String> words = new ArrayList<>();
        Matcher read = READ_ATTRIBUTE.matcher(text);
        while (read.find()) {
            collect(read.group(2), words);
        }
        text = text.replaceAll("(?s)<[^>]*>", " ").replaceAll("&[a-zA-Z]+;|&#\\d+;", " ");
        collect(text, words);
        return words;
    }

    private static void collect(String text, List<String> words) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (!ALLOWED.contains(m.group())) {
                words.add(m.group());
            }
        }
    }

    /**
     * The template without jte's code: {@code ${...}}, {@code !{...}}, {@code @import}/{@code @param} lines, and each
     * directive with its parenthesised Java ({@code @if(...)}, {@code @template.x(...)}); a content block's own markup
     * ({@code @`...`}) stays, since it is page text.
     */
    static String withoutCode(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '$' || c == '!') && template.startsWith("{", i + 1)) {
                i = skipBalanced(template, i + 1, '{', '}');
            } else if (c == '$' && template.startsWith("unsafe{", i + 1)) {
                i = skipBalanced(template, i + 7, '{', '}');
            } else if (c == '@' && (template.startsWith("import ", i + 1) || template.startsWith("param ", i + 1))) {
                int end = template.indexOf('\n', i);
                i = end < 0 ? template.length() : end;
            } else if (c == '@' && i + 1 < template.length() && Character.isLetter(template.charAt(i + 1))) {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j))
                        || template.charAt(j) == '.' || template.charAt(j) == '-')) {
                    j++;
                }
                if (j < template.length() && template.charAt(j) == '(') {
                    out.append(contentBlocks(template.substring(j, skipBalanced(template, j, '(', ')'))));
                    j = skipBalanced(template, j, '(', ')');
                }
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The markup of the content blocks ({@code @`...`}) inside a directive's arguments, without its Java. */
    private static String contentBlocks(String arguments) {
        int start = arguments.indexOf("@`");
        int end = arguments.lastIndexOf('`');
        return start < 0 || end <= start + 1 ? " " : " " + withoutCode(arguments.substring(start + 2, end)) + " ";
    }

    /** The index just after the bracket that closes the one at {@code open}, skipping Java strings inside. */
    private static int skipBalanced(String text, int open, char opening, char closing) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }
}
