package dev.resonitelink.standin;

import java.util.List;

/**
 * {@code mvn -Pdemo}: starts the Resonite stand-in and the real WAR on Payara Micro beside it, configured through
 * environment variables exactly as a deployment would be ({@link LocalStack}), and prints where to click. Ctrl-C
 * stops both.
 */
public final class Demo {

    public static void main(String[] args) throws Exception {
        LocalStack stack;
        try {
            stack = LocalStack.start(args[0], args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4],
                    List.of(), null);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage() + "; see its output above.");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        stack.createOrganizer("organizer", "stand-in-demo-42");
        System.out.println("""

                ================================================================================
                 resonite-link is running on Payara Micro:  %s
                 Resonite stand-in (local, fake):           %s

                 1. Open %s, sign up, sign in.
                 2. Press "Link Resonite account".
                 3. On the stand-in's page sign in as  ada / resonite  (or minimal / resonite), Allow.
                 You are back on your account page, linked.
                 Organizer (registrants list, audit trail): sign in as  organizer / stand-in-demo-42
                 Ctrl-C stops everything.
                ================================================================================
                """.formatted(stack.app(), stack.standIn().baseUri(), stack.app()));
        System.exit(stack.payara().waitFor());
    }

    private Demo() {
    }
}
