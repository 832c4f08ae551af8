package dev.resonitelink.signin.boundary;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps {@code @LoginToContinue} from saving a signed-out caller's POST (or any method but GET and HEAD) to a page for
 * signed-in users: the platform's interceptor would copy the request, with its parsed form, into a new session before
 * any filter or servlet sees it, so anybody could pin a large body in the server's memory, replicated to a backup node,
 * for the session's lifetime. Such a request is sent to the sign-in page instead, without a session; replaying a
 * form after sign-in never worked anyway (its CSRF token belongs to the session it came from).
 * <p>
 * It runs inside {@code @AutoApplySession} (a caller already signed in never gets here) and outside
 * {@code @LoginToContinue} (priority 220 of the platform range), on the mechanism's {@code validateRequest} only.
 */
@SignedOutWrites.Guarded
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 215)
public class SignedOutWrites {

    /** Binds this interceptor to the authentication mechanism. */
    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Guarded {
    }

    @AroundInvoke
    public Object guard(InvocationContext invocation) throws Exception {
        Object[] parameters = invocation.getParameters();
        if (invocation.getMethod().getName().equals("validateRequest") && parameters.length == 3
                && parameters[0] instanceof HttpServletRequest request
                && parameters[2] instanceof HttpMessageContext context
                && refused(request, context)) {
            return context.redirect(request.getContextPath() + "/login");
        }
        return invocation.proceed();
    }

    /** A signed-out write to a protected page, which is not the application's own call to authenticate. */
    static boolean refused(HttpServletRequest request, HttpMessageContext context) {
        String method = request.getMethod();
        return context.isProtected() && !context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() == null
                && !"GET".equals(method) && !"HEAD".equals(method);
    }
}
