package dev.resonitelink.organizer.boundary;

import dev.resonitelink.web.Csv;
import dev.resonitelink.organizer.entity.Registrant;
import dev.resonitelink.organizer.entity.RegistrantPage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The registrant list as CSV (RFC 4180), for the same search as the page. Cells that a spreadsheet would run as a
 * formula are defused with a leading apostrophe (CSV injection).
 */
@WebServlet("/organizer/registrants.csv")
public class RegistrantsExportServlet extends HttpServlet {

    @Inject
    Registrants registrants;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String query = req.getParameter("q");
        boolean linkedOnly = "1".equals(req.getParameter("linked"));
        resp.setContentType("text/csv;charset=UTF-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"registrants.csv\"");
        PrintWriter out = resp.getWriter();
        out.print(Csv.header(req, "registrants", "local_user", "resonite_id", "resonite_username", "linked_at",
                "patreon_active_supporter", "signed_up_at", "origin", "display_name", "email"));

        int page = 1;
        RegistrantPage result;
        do {
            result = registrants.find(query, page, Registrants.MAX_PAGE_SIZE, linkedOnly);
            for (Registrant r : result.items()) {
                out.print(String.join(",", cell(r.localUser()), cell(r.resoniteId()), cell(r.resoniteUsername()),
                        cell(r.linkedAt()), cell(r.patreonActiveSupporter()), cell(r.signedUpAt()), cell(r.origin()),
                        cell(r.displayName()), cell(r.email())));
                out.print("\r\n");
            }
            page++;
        } while (result.hasNext());
    }

    static String cell(Object value) {
        return Csv.cell(value);
    }
}
