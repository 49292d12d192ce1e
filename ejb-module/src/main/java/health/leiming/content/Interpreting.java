package health.leiming.content;

import health.leiming.platform.ConsentKind;
import health.leiming.platform.Consents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Interprets for a member: findings read in one transaction, the interpreter asked outside any (a
 * model may take seconds; no database connection waits for it), the answer stored in another. The
 * model when one is configured and the member consented to sending readings to it (with its fallback
 * to the rules), else the rules.
 */
@ApplicationScoped
public class Interpreting {

    @Inject
    AiInterpretations interpretations;

    @Inject
    ModelInterpreter model;

    @Inject
    RuleInterpreter rules;

    @Inject
    Consents consents;

    public InterpretationView interpret(String memberId, InterpretationRequest request) {
        AiInterpretations.Subject subject = interpretations.findings(memberId, request);
        boolean useModel = model.configured() && consents.allows(memberId, ConsentKind.ai_model);
        Interpretation answer = useModel ? model.interpret(subject.findings()) : rules.interpret(subject.findings());
        return interpretations.store(memberId, subject.personId(), subject.findings(), answer);
    }
}
