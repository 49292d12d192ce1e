package health.leiming.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends callbacks the way WeCom does, with the token, EncodingAESKey and corp id of WeCom's own
 * documentation samples (the test server is configured with them). Its own crypto, not the server's.
 */
final class FakeWecom {

    static final String TOKEN = "QDG6eK";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String CORP_ID = "wx5823bf96d3bd56c7";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;

    FakeWecom(Api api) {
        this.api = api;
    }

    static String encrypt(String message, String receiveId) {
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] receiver = receiveId.getBytes(StandardCharsets.UTF_8);
        int length = 20 + text.length + receiver.length;
        int pad = 32 - length % 32;
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        plain.put(random).putInt(text.length).put(text).put(receiver);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signature(String timestamp, String nonce, String encrypted) {
        String[] parts = {TOKEN, timestamp, nonce, encrypted};
        Arrays.sort(parts);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Reply verify(String encryptedEcho, long timestamp, String signatureOverride) {
        String ts = Long.toString(timestamp);
        String nonce = Long.toString(RANDOM.nextInt(1_000_000_000));
        String signature = signatureOverride != null ? signatureOverride : signature(ts, nonce, encryptedEcho);
        return api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/wecom/callback?msg_signature=" + signature
                + "&timestamp=" + ts + "&nonce=" + nonce + "&echostr=" + URLEncoder.encode(encryptedEcho,
                        StandardCharsets.UTF_8))).GET());
    }

    /** POSTs a message (its inner XML) encrypted for the corp, signed, with a fresh timestamp. */
    Api.Reply post(String innerXml) {
        String encrypted = encrypt(innerXml, CORP_ID);
        return postRaw(outer(encrypted), Instant.now().getEpochSecond(), null, encrypted);
    }

    Api.Reply postEncrypted(String encrypted, long timestamp, String signatureOverride) {
        return postRaw(outer(encrypted), timestamp, signatureOverride, encrypted);
    }

    Api.Reply postRaw(String body, long timestamp, String signatureOverride, String signedCiphertext) {
        String ts = Long.toString(timestamp);
        String nonce = Long.toString(RANDOM.nextInt(1_000_000_000));
        String signature = signatureOverride != null ? signatureOverride : signature(ts, nonce, signedCiphertext);
        return api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/wecom/callback?msg_signature=" + signature
                + "&timestamp=" + ts + "&nonce=" + nonce)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String outer(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
    }

    static String text(String fromUser, String content, String msgId) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + fromUser
                + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]>"
                + "</MsgType><Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId>"
                + "<AgentID>1000002</AgentID></xml>";
    }

    static String contactChange(String changeType, String userId, String name, long createTime) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[change_contact]]></Event><ChangeType>" + changeType + "</ChangeType>"
                + "<UserID><![CDATA[" + userId + "]]></UserID><Name><![CDATA[" + name + "]]></Name>"
                + "<Mobile><![CDATA[13912345678]]></Mobile></xml>";
    }
}
