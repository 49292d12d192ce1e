package health.leiming.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpretationRulesTest {

    private static Findings.Finding judge(String value, String range) {
        return AiInterpretations.judge(new InterpretationRequest.LabItem("指标", new BigDecimal(value), "mmol/L", range));
    }

    @Test
    void referenceRangesInTheirUsualSpellings() {
        assertEquals("normal", judge("6.1", "3.9-6.1").status());
        assertEquals("high", judge("6.11", "3.9-6.1").status());
        assertEquals("low", judge("3.8", "3.9～6.1").status());
        assertEquals("normal", judge("5.2", "<5.2").status());
        assertEquals("high", judge("5.3", "≤5.2").status());
        assertEquals("low", judge("0.9", ">1.0").status());
        assertEquals("unknown", judge("12", "阴性").status());
        assertEquals("unknown", judge("12", null).status());
    }

    @Test
    void theRulesSayWhatIsOutOfRangeAndAreSureOnlyOfWhatTheyCouldJudge() {
        Findings some = new Findings("lab", null, List.of(judge("6.8", "3.9-6.1"), judge("4.2", "<5.2")));
        Interpretation answer = new RuleInterpreter().interpret(some);
        assertEquals("rules", answer.interpreter());
        assertTrue(answer.text().contains("2项，其中1项需要关注：指标 6.8mmol/L（高于参考范围3.9-6.1）"), answer.text());
        assertEquals(List.of("指标偏高，建议近期复查，并咨询医生是否需要进一步检查"), answer.suggestions());
        Findings unjudged = new Findings("lab", null, List.of(judge("12", "阴性"), judge("4.2", "<5.2")));
        assertTrue(RuleInterpreter.confidence(unjudged).compareTo(RuleInterpreter.confidence(some)) < 0);
        assertEquals(new BigDecimal("0.5000"), RuleInterpreter.confidence(new Findings("lab", null,
                List.of(judge("12", "阴性")))));
        assertFalse(new RuleInterpreter().interpret(unjudged).text().contains("需要关注"));
    }

    @Test
    void thePromptCarriesValuesOnly() {
        String prompt = ModelInterpreter.prompt(new Findings("lab", "化验单1项", List.of(judge("6.8", "3.9-6.1"))));
        assertEquals("类型：lab\n背景：化验单1项\n- 指标：6.8 mmol/L，参考范围 3.9-6.1，判断：高于参考范围3.9-6.1\n", prompt);
    }
}
