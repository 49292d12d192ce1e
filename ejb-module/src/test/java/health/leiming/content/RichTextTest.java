package health.leiming.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RichTextTest {

    @Test
    void formattingSurvives() {
        String html = "<h2>饮食建议</h2><p>每日食盐<strong>不超过5克</strong>，<em>多吃蔬菜</em>。</p>"
                + "<ul><li>低盐</li><li>低脂</li></ul><img src=\"https://cdn.example.com/a.png\" alt=\"图\">"
                + "<a href=\"https://www.nhc.gov.cn/\">国家卫健委</a>";
        String clean = RichText.clean(html);
        assertTrue(clean.contains("<h2>饮食建议</h2>"), clean);
        assertTrue(clean.contains("<strong>不超过5克</strong>"), clean);
        assertTrue(clean.contains("<li>低盐</li>"), clean);
        assertTrue(clean.contains("<img src=\"https://cdn.example.com/a.png\" alt=\"图\">"), clean);
        assertTrue(clean.contains("href=\"https://www.nhc.gov.cn/\""), clean);
        assertTrue(clean.contains("rel=\"nofollow noopener\""), clean);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>正文",
            "<SCRIPT src=//evil.example/x.js></SCRIPT>正文",
            "<p onclick=\"alert(1)\">正文</p>",
            "<img src=x onerror=alert(1)>正文",
            "<a href=\"javascript:alert(1)\">正文</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">正文</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">正文</a>",
            "<a href=\" javascript:alert(1)\">正文</a>",
            "<img src=\"data:text/html;base64,PHNjcmlwdD4=\">正文",
            "<scr<script>ipt>alert(1)</scr</script>ipt>正文",
            "<iframe src=\"https://evil.example\"></iframe>正文",
            "<svg><script>alert(1)</script></svg>正文",
            "<style>body{background:url(javascript:alert(1))}</style>正文",
            "<p style=\"background:url(javascript:alert(1))\">正文</p>",
            "<form action=\"https://evil.example\"><input name=a></form>正文",
            "<div><p><a href=\"vbscript:msgbox(1)\"><b onmouseover=alert(1)>正文</b></a></p></div>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>正文"
    })
    void nothingThatRunsSurvives(String html) {
        String clean = RichText.clean(html).toLowerCase(Locale.ROOT);
        assertFalse(clean.contains("<script"), clean);
        assertFalse(clean.contains("javascript:"), clean);
        assertFalse(clean.contains("vbscript:"), clean);
        assertFalse(clean.contains("data:"), clean);
        assertFalse(clean.matches("(?s).*\\son[a-z]+\\s*=.*"), clean);
        assertFalse(clean.contains("<iframe") || clean.contains("<style") || clean.contains("<form") || clean.contains("<svg")
                || clean.contains("style="), clean);
        assertTrue(clean.contains("正文"), "the text stays: " + clean);
    }

    @Test
    void textIsTheReadablePart() {
        assertEquals("高血压 饮食", RichText.text("<p>高血压</p> <p>饮食<script>x</script></p>"));
    }
}
