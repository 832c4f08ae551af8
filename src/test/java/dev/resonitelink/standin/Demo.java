package dev.resonitelink.standin;

import dev.resonitelink.it.TestIdp;
import java.net.URI;
import java.util.Map;

import java.util.List;

/**
 * {@code mvn -Pdemo}: starts the Resonite stand-in and the real WAR on Payara Micro beside it, configured through
 * environment variables exactly as a deployment would be ({@link LocalStack}), and prints where to click. Ctrl-C
 * stops both.
 */
public final class Demo {

    static final String IDP_PASSWORD = "idp-demo-42";
    static final String SSO_SECRET = "demo-sso-secret-not-for-production";

    /** Arguments: Payara Micro jar, WAR, HTTP port, stand-in port, pre-boot commands, sign-in mode, IdP port, IdP jar. */
    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[2]);
        boolean sso = args.length > 5 && "oidc".equals(args[5]);
        TestIdp idp = sso ? startIdentityProvider(httpPort, Integer.parseInt(args[6]), args[7]) : null;
        LocalStack stack;
        try {
            stack = LocalStack.start(args[0], args[1], httpPort, Integer.parseInt(args[3]), args[4],
                    List.of(), null, sso ? singleSignOn(httpPort, idp)
                            : Map.of("RESONITE_LINK_WEBHOOKS_ALLOW_LOOPBACK", "true")); // the demo's receiver
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage() + "; see its output above.");
            if (idp != null) {
                idp.close();
            }
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            if (idp != null) {
                idp.close();
            }
        }));
        if (sso) {
            System.out.println("""

                    ================================================================================
                     resonite-link is running on Payara Micro:  %s   (single sign-on)
                     The site's identity provider (Spring Authorization Server, local): %s
                     Resonite stand-in (local, fake):           %s

                     1. Open %s: you are sent to the identity provider's sign-in page.
                        Sign in as  arthur / %s  (attendee) or  olivia / %s  (organizer group).
                     2. Press "Link Resonite account"; on the stand-in's page sign in as  ada / resonite, Allow.
                     3. As olivia, "Registrants" lists arthur with his name and e-mail from the provider.
                     Ctrl-C stops everything.
                    ================================================================================
                    """.formatted(stack.app(), idp.issuer(), stack.standIn().baseUri(), stack.app(), IDP_PASSWORD,
                    IDP_PASSWORD));
            System.exit(stack.payara().waitFor());
            return;
        }
        java.net.http.HttpClient organizer = stack.createOrganizer("organizer", "stand-in-demo-42");
        LocalStack.SampleEvent sample = stack.createSampleEvent(organizer);
        DemoWebhookReceiver receiver = DemoWebhookReceiver.start();
        receiver.secret(stack.createWebhook(organizer, receiver.url()));
        System.out.println("""

                ================================================================================
                 resonite-link is running on Payara Micro:  %s
                 Resonite stand-in (local, fake):           %s

                 1. Open %s, sign up, sign in.
                 2. Press "Link Resonite account".
                 3. On the stand-in's page sign in as  ada / resonite  (or minimal / resonite), Allow.
                 You are back on your account page, linked.
                 Organizer (registrants, events, audit trail): sign in as  organizer / stand-in-demo-42

                 Events: a ticketed sample event with 20 places, %s
                 4. Open it, press "Sign in to register" (link on the way if you have not), enter a ticket code:
                      %s
                 5. What a Resonite world asks for ada ("admit" once you registered with ada linked):
                      %s
                 Webhooks: a receiver on this console prints each message it gets (link, registration,
                 admission, deletion), its signature checked; see "Webhooks" as the organizer.
                 Your data: "Download everything" and "Delete my account" on your account page.
                 Ctrl-C stops everything.
                ================================================================================
                """.formatted(stack.app(), stack.standIn().baseUri(), stack.app(), sample.page(),
                String.join("  ", sample.ticketCodes()), sample.admissionUrl(ResoniteStandIn.readProfile("/standin/resonite-profile-full.json").getString("id"))));
        System.exit(stack.payara().waitFor());
    }

    private static TestIdp startIdentityProvider(int httpPort, int idpPort, String jar) {
        System.setProperty("it.idp.jar", jar);
        String app = "http://localhost:" + httpPort + "/resonite-link/";
        return TestIdp.start(idpPort, new TestIdp.Registration("resonite-link-demo", SSO_SECRET,
                        URI.create(app + "sso/callback"), URI.create(app + "login?signedOut"), "resonite-on-spring-demo",
                        "demo-resonite-on-spring-secret", URI.create(app + "oauth/callback")),
                List.of(new TestIdp.Person("olivia", IDP_PASSWORD, List.of("event-organizers"), "Olivia Organizer",
                                "olivia@example.org"),
                        new TestIdp.Person("arthur", IDP_PASSWORD, List.of("attendees"), "Arthur Attendee",
                                "arthur@example.org")), null);
    }

    /** The settings an operator would set for single sign-on through that provider. */
    private static Map<String, String> singleSignOn(int httpPort, TestIdp idp) {
        return Map.of("RESONITE_LINK_SIGN_IN", "oidc",
                "RESONITE_LINK_SSO_ISSUER", idp.issuer().toString(),
                "RESONITE_LINK_SSO_CLIENT_ID", "resonite-link-demo",
                "RESONITE_LINK_SSO_CLIENT_SECRET", SSO_SECRET,
                "RESONITE_LINK_SSO_REDIRECT_URI", "http://localhost:" + httpPort + "/resonite-link/sso/callback",
                "RESONITE_LINK_SSO_ORGANIZER_GROUP", "event-organizers",
                "RESONITE_LINK_SSO_PROVIDER_NAME", "the demo identity provider");
    }

    private Demo() {
    }
}
