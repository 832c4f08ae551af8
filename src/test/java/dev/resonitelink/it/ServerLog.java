package dev.resonitelink.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server logs of the integration tests: on Payara Micro the shared server's and the one of the deployments of
 * their own ({@code --logtofile}, each rotated as {@code <name>.0}, {@code .1}, ...); on WildFly its one log.
 */
final class ServerLog {

    static String read() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String log : new LinkedHashSet<>(List.of(System.getProperty("it.server.log"),
                System.getProperty("it.own.server.log", System.getProperty("it.server.log"))))) {
            text.append(read(Path.of(log))).append('\n');
        }
        return text.toString();
    }

    private static String read(Path configured) throws IOException {
        String prefix = configured.getFileName().toString();
        try (Stream<Path> files = Files.list(configured.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.toString().endsWith(".lck"))
                    .sorted()
                    .map(ServerLog::readQuietly)
                    .collect(Collectors.joining("\n"));
        }
    }

    private static String readQuietly(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ServerLog() {
    }
}
