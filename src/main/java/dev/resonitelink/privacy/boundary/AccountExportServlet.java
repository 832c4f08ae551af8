package dev.resonitelink.privacy.boundary;

import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** "Download your data": the signed-in user's export ({@link DataExport}) as a JSON file. */
@WebServlet("/account/export")
public class AccountExportServlet extends HttpServlet {

    @Inject
    DataExport export;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String json = pretty(export.of(Pages.principal(req)));
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Disposition", "attachment; filename=\"resonite-link-data-"
                + LocalDate.now(ZoneOffset.UTC) + ".json\"");
        resp.setContentType("application/json;charset=UTF-8");
        resp.getWriter().write(json);
    }

    /** The document indented, for people who open the file. */
    static String pretty(JsonObject document) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(document);
        }
        return text.toString().strip() + "\n";
    }
}
