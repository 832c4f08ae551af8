package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.Settings;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Step 3 of the flow: reads the signed-in Resonite user's profile with the access token as a bearer token
 * (RFC 6750 section 2.1) and turns it into a {@link ResoniteProfile}.
 */
@ApplicationScoped
public class ProfileFetch {

    private Settings settings;
    private HTTPRequestSender http;

    ProfileFetch() {
        // for CDI's proxy
    }

    /** @param http {@link ProviderHttp} in the app; tests answer with a lambda */
    @Inject
    public ProfileFetch(Settings settings, HTTPRequestSender http) {
        this.settings = settings;
        this.http = http;
    }

    public ResoniteProfile fetch(String accessToken, Set<String> grantedScopes) throws LinkFailedException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, settings.endpoints().profile());
        request.setAuthorization(new BearerAccessToken(accessToken).toAuthorizationHeader());
        request.setAccept("application/json");
        HTTPResponse response = ProviderHttp.call(request, http, settings.limits(), "profile endpoint",
                LinkFailure.PROFILE_UNAVAILABLE);
        if (response.getStatusCode() != 200) {
            throw new LinkFailedException(LinkFailure.PROFILE_UNAVAILABLE,
                    "profile endpoint answered HTTP " + response.getStatusCode());
        }
        try {
            return ResoniteProfiles.parse(response.getBody(), grantedScopes, settings.endpoints().iconBase());
        } catch (IllegalArgumentException e) {
            throw new LinkFailedException(LinkFailure.PROFILE_UNAVAILABLE,
                    "profile endpoint answered an unusable profile: " + e.getMessage(), null, null);
        }
    }
}
