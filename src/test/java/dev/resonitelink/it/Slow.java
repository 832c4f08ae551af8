package dev.resonitelink.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class or method that takes a minute or more of an execution (a cluster, the production shape, the fuzz of
 * every endpoint, a rush of a hundred sign-ups, servers per setting). {@code mvn verify -Dit.quick=true} leaves them
 * out, each reported as skipped with the reason, for a fast loop on a developer's machine; CI ({@code .ci/run}) runs
 * them all.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
@ExtendWith(Slow.LeftOutWhenQuick.class)
public @interface Slow {

    /** Skips the test, with its reason, when the build ran with {@code -Dit.quick=true}. */
    final class LeftOutWhenQuick implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Boolean.getBoolean("it.quick")
                    ? ConditionEvaluationResult.disabled("slow, left out by -Dit.quick=true (CI runs it)")
                    : ConditionEvaluationResult.enabled("not a quick run");
        }
    }
}
