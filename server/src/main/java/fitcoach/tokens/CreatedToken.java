package fitcoach.tokens;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to creating a token: the token, this once, with what the list shows of it. */
public record CreatedToken(@JsonUnwrapped AccessToken details, String token) {
}
