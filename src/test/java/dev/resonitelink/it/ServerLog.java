package dev.resonitelink.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The Payara Micro log of the integration tests ({@code --logtofile}, rotated as {@code <name>.0}, {@code .1}, ...). */
final class ServerLog {

    static String read() throws IOException {
        Path configured = Path.of(System.getProperty("it.server.log"));
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
