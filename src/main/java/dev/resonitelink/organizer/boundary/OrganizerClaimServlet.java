package dev.resonitelink.organizer.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Where the signed-in holder of the one-time bootstrap code becomes the first organizer (any signed-in caller, web.xml). */
@WebServlet("/organizer-claim")
public class OrganizerClaimServlet extends HttpServlet {

    @Inject
    OrganizerGrants grants;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Pages.render(req, resp, "claim", 200);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.again"))) {
            return;
        }
        String code = req.getParameter("code");
        OrganizerGrants.Result result = grants.claim(req.getUserPrincipal().getName(),
                code == null || code.length() > 100 ? "" : code, Pages.requestId());
        switch (result) {
            case DONE -> resp.sendRedirect(req.getContextPath() + "/organizer");
            case FROM_IDENTITY_PROVIDER -> Pages.message(req, resp, 409, Text.of("claim.fromProvider.title"),
                    Text.of("claim.fromProvider.text"));
            case NO_CODE_PENDING -> Pages.message(req, resp, 409, Text.of("claim.noCode.title"),
                    Text.of("claim.noCode.text"));
            default -> {
                req.setAttribute("error", Text.of("claim.error.wrongCode", OrganizerGrants.MAX_CODE_FAILURES));

                Pages.render(req, resp, "claim", 400);
            }
        }
    }
}
