package dev.resonitelink.oauth.entity;

/**
 * Every way a link attempt can end without a link, with what the user is told (the page's HTTP status is the web
 * layer's choice, {@code Pages#status}).
 * The texts are plain words for the person in front of the screen; causes for operators go to the log.
 */
public enum LinkFailure {
    DECLINED("Link cancelled",
            "You declined the request on Resonite, so nothing was linked.",
            "You can start again whenever you like."),
    STATE_MISSING("This link request is not valid",
            "The answer from Resonite did not say which link request it belongs to.",
            "Start linking again from your account page."),
    STATE_UNKNOWN("This link request has expired or was already used",
            "Each link request can be completed once, within a few minutes, in the browser session that started it.",
            "Start linking again from your account page."),
    WRONG_USER("This link request belongs to another account",
            "The link request was started while a different local account was signed in.",
            "Sign in with the account you want to link and start again."),
    ISSUER_MISMATCH("The answer did not come from Resonite",
            "The answer names an authorization server other than the one this site uses, so it was refused.",
            "Start linking again from your account page. If it keeps happening, tell the site's operators."),
    MALFORMED_RESPONSE("The answer from Resonite could not be read",
            "The address this page was opened with is not a valid answer from Resonite.",
            "Start linking again from your account page."),
    PROVIDER_ERROR("Resonite refused the link request",
            "Resonite answered with an error instead of letting you consent.",
            "Try again in a moment. If it keeps happening, tell the site's operators and quote the error id."),
    PROVIDER_FAILED("Resonite could not complete the link",
            "Resonite answered with an error or an answer we could not use. Nothing was changed.",
            "Try again in a few minutes. If it keeps happening, tell the site's operators and quote the error id."),
    PROVIDER_UNAVAILABLE("Resonite could not be reached",
            "Resonite did not answer in time, so the link could not be completed. Nothing was changed.",
            "Try again in a few minutes."),
    CLIENT_REJECTED("This site's connection to Resonite is misconfigured",
            "Resonite did not accept this site's credentials. Nothing was changed.",
            "Please tell the site's operators and quote the error id."),
    CODE_REJECTED("Resonite did not accept the sign-in answer",
            "The one-time code from Resonite was refused (it may have expired or been used already). Nothing was changed.",
            "Start linking again from your account page."),
    PROFILE_UNAVAILABLE("Your Resonite profile could not be read",
            "Resonite let you sign in but did not give us a usable profile. Nothing was changed.",
            "Try again in a few minutes. If it keeps happening, tell the site's operators and quote the error id."),
    STORAGE_UNAVAILABLE("Your link could not be saved",
            "Our database did not answer, so the link was not saved. Nothing was changed.",
            "Try again in a few minutes. If it keeps happening, tell the site's operators and quote the error id."),
    CONCURRENT_CHANGE("Your link was being changed at the same moment",
            "Another change to your link happened at the same time, so this one was not applied.",
            "Open your account page to see the current state, and try again if needed."),
    ALREADY_LINKED_ELSEWHERE("That Resonite account is already linked to another account",
            "A Resonite account can be linked to only one account on this site, and this one is taken. Nothing was changed.",
            "If that other account is yours, sign in there and unlink it first. If it is not, contact the site's operators.");

    private final String title;
    private final String explanation;
    private final String nextStep;

    LinkFailure(String title, String explanation, String nextStep) {
        this.title = title;
        this.explanation = explanation;
        this.nextStep = nextStep;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public String nextStep() {
        return nextStep;
    }
}
