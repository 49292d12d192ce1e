package health.leiming.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Interprets for a member: findings read in one transaction, the interpreter asked outside any (a
 * model may take seconds; no database connection waits for it), the answer stored in another. The
 * model when one is configured (with its fallback to the rules), else the rules.
 */
@ApplicationScoped
public class Interpreting {

    @Inject
    AiInterpretations interpretations;

    @Inject
    ModelInterpreter model;

    @Inject
    RuleInterpreter rules;

    public InterpretationView interpret(String memberId, InterpretationRequest request) {
        AiInterpretations.Subject subject = interpretations.findings(memberId, request);
        Interpretation answer = model.configured() ? model.interpret(subject.findings()) : rules.interpret(subject.findings());
        return interpretations.store(memberId, subject.personId(), subject.findings(), answer);
    }
}
