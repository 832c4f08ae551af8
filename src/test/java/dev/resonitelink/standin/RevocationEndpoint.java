package dev.resonitelink.standin;

import static dev.resonitelink.standin.Exchanges.sendNimbus;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** The revocation endpoint (RFC 7009): a revoked refresh token also ends the access tokens of its grant. */
final class RevocationEndpoint {

    private final StandInState state;

    RevocationEndpoint(StandInState state) {
        this.state = state;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Faults f = state.faults;
            if (f.revocationStatus != null) {
                Exchanges.send(exchange, f.revocationStatus, "application/json", "{\"error\":\"server_error\"}");
                return;
            }
            TokenRevocationRequest request;
            try {
                request = TokenRevocationRequest.parse(
                        Exchanges.nimbusPost(exchange, java.net.URI.create(state.issuer.getValue() + "/connect/revocation")));
            } catch (ParseException e) {
                sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_REQUEST).toHTTPResponse());
                return;
            }
            ResoniteStandIn.Client client = TokenEndpoint.authenticate(state, request.getClientAuthentication());
            if (client == null) {
                sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_CLIENT).toHTTPResponse());
                return;
            }
            String value = request.getToken().getValue();
            StandInState.IssuedToken refresh = state.refreshTokens.get(value);
            if (refresh != null && refresh.clientId().equals(client.id())) {
                state.refreshTokens.remove(value);
                state.accessTokens.values().removeIf(t -> t.fromCode() != null && t.fromCode().equals(refresh.fromCode()));
            }
            state.accessTokens.remove(value);
            Exchanges.send(exchange, 200, "application/json", ""); // RFC 7009 2.2: 200 whether or not it was known
        }
    }
}
