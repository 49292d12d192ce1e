package health.leiming.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscribeTemplatesTest {

    @Test
    void fieldsMapTemplateKeysToNoticeValues() {
        SubscribeTemplates.Template template = new SubscribeTemplates.Template("order.paid", "T1",
                SubscribeTemplates.fields("character_string1=orderNo, thing2=serviceName,time3=time,thing4=missing"));
        Notice notice = new Notice(NoticeKind.order, "支付成功", "内容", null,
                Map.of("orderNo", "LM202612010001", "serviceName", "全程陪诊（含挂号、取药、陪同检查）专业服务", "time", "2026-12-03 09:00"));
        JsonObject data = Json.createReader(new StringReader(template.data(notice))).readObject();
        assertEquals("LM202612010001", data.getJsonObject("character_string1").getString("value"));
        assertEquals("2026-12-03 09:00", data.getJsonObject("time3").getString("value"));
        assertEquals("", data.getJsonObject("thing4").getString("value"));
        String service = data.getJsonObject("thing2").getString("value");
        assertEquals(20, service.codePointCount(0, service.length()), "thing fields hold at most 20 characters");
        assertEquals('…', service.charAt(service.length() - 1));
    }

    @Test
    void valuesAreCutToTheirTypesLimits() {
        assertEquals("已支付", SubscribeTemplates.fit("phrase3", "已支付"));
        assertEquals("服务已完…", SubscribeTemplates.fit("phrase3", "服务已完成啦"));
        assertEquals("短", SubscribeTemplates.fit("thing1", "短"));
        assertEquals(32, SubscribeTemplates.fit("character_string9", "x".repeat(40)).length());
    }
}
