package health.leiming.wecom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the sample values of WeCom's callback documentation and its official WXBizMsgCrypt samples. */
class WecomCryptoTest {

    static final String TOKEN = "QDG6eK";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String CORP_ID = "wx5823bf96d3bd56c7";
    static final String ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    static final String ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3"
            + "QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdn"
            + "LxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf"
            + "6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3"
            + "fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    private final WecomCrypto crypto = new WecomCrypto(AES_KEY);

    @Test
    void theDocumentedUrlVerificationRequestVerifiesAndDecrypts() {
        String signature = WecomCrypto.signature(TOKEN, "1409659589", "263014780", ECHOSTR);
        assertEquals("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", signature);
        WecomCrypto.Envelope echo = crypto.decrypt(ECHOSTR);
        assertEquals(CORP_ID, echo.receiveId());
        assertTrue(echo.message().matches("\\d+"), echo.message());
    }

    @Test
    void theDocumentedMessageVerifiesAndDecryptsToTheTextHello() {
        assertEquals("477715d11cdb4164915debcba66cb864d751f3e6",
                WecomCrypto.signature(TOKEN, "1409659813", "1372623149", ENCRYPT));
        WecomCrypto.Envelope envelope = crypto.decrypt(ENCRYPT);
        assertEquals(CORP_ID, envelope.receiveId());
        Map<String, String> message = WecomXml.parse(envelope.message());
        assertEquals("mycreate", message.get("FromUserName"));
        assertEquals("text", message.get("MsgType"));
        assertEquals("hello", message.get("Content"));
        assertEquals("4561255354251345929", message.get("MsgId"));
        assertEquals("218", message.get("AgentID"));
    }

    @Test
    void whatWeEncryptDecryptsWithAnyLength() {
        for (String text : new String[] {"", "接单 ORDER202611290001", "x".repeat(31), "y".repeat(32), "z".repeat(1000)}) {
            WecomCrypto.Envelope back = crypto.decrypt(crypto.encrypt(text, CORP_ID));
            assertEquals(text, back.message());
            assertEquals(CORP_ID, back.receiveId());
        }
    }

    @Test
    void signaturesCompareExactlyAndGarbageIsRefused() {
        String signature = WecomCrypto.signature(TOKEN, "1409659813", "1372623149", ENCRYPT);
        assertTrue(WecomCrypto.signatureMatches(signature, "477715D11CDB4164915DEBCBA66CB864D751F3E6"));
        assertFalse(WecomCrypto.signatureMatches(signature, "477715d11cdb4164915debcba66cb864d751f3e7"));
        assertFalse(WecomCrypto.signatureMatches(signature, null));
        assertThrows(IllegalArgumentException.class, () -> crypto.decrypt("not base64 at all!"));
        assertThrows(IllegalArgumentException.class, () -> crypto.decrypt(ECHOSTR.substring(4)));
        assertThrows(IllegalArgumentException.class, () -> new WecomCrypto("short"));
    }

    @Test
    void xmlWithADocumentTypeIsRefusedSoNoEntityIsEverExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Content>&e;</Content></xml>";
        assertThrows(IllegalArgumentException.class, () -> WecomXml.parse(xxe));
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<xml><Content>&b;</Content></xml>";
        assertThrows(IllegalArgumentException.class, () -> WecomXml.parse(bomb));
        assertThrows(IllegalArgumentException.class, () -> WecomXml.parse("<xml><Unclosed></xml>"));
        assertEquals("a<b", WecomXml.parse("<xml><Content><![CDATA[a<b]]></Content></xml>").get("Content"));
    }
}
