package dev.resonitelink.standin;

import com.sun.net.httpserver.HttpExchange;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * What assets.resonite.com serves for {@code resdb:///} icons: a generated avatar for any hex hash, 404 for hashes
 * starting with "dead" (to exercise the page's fallback).
 */
final class Avatars {

    private Avatars() {
    }

    static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String hash = exchange.getRequestURI().getPath().substring("/assets/".length());
            if (!hash.matches("[0-9a-fA-F]{1,128}") || hash.startsWith("dead")) {
                Exchanges.send(exchange, 404, "text/plain", "no such asset");
                return;
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(avatar(hash.hashCode()), "png", png);
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=86400");
            exchange.sendResponseHeaders(200, png.size());
            try (OutputStream out = exchange.getResponseBody()) {
                png.writeTo(out);
            }
        }
    }

    private static BufferedImage avatar(int seed) {
        BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(60 + (seed & 0x7f), 60 + ((seed >> 8) & 0x7f), 120 + ((seed >> 16) & 0x7f)));
        g.fillRect(0, 0, 128, 128);
        g.setColor(Color.WHITE);
        g.fillOval(34, 18, 60, 60);
        g.fillOval(14, 84, 100, 90);
        g.dispose();
        return image;
    }
}
