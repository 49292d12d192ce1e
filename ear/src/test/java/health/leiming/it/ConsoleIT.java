package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in a real browser (headless Chromium): an operator signs in, finds a paid
 * order, gives it to another companion and cancels it with a refund, and the member hears of both;
 * and what must be refused is refused: a wrong password, a form without its CSRF token, an ended
 * session, a member's token, an operator on an admin page.
 */
class ConsoleIT extends DeployedEar {

    private static final String PASSWORD = "Console-Operator-9";

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeWechatPay wechat = FakeWechatPay.get();

    private JsonObject operator() {
        Api.Reply created = api.post("/api/v1/admin/accounts", Json.createObjectBuilder()
                .add("username", "op" + System.nanoTime()).add("name", "运营小王").add("role", "operator")
                .add("password", PASSWORD).build().toString(), care.adminToken());
        assertEquals(200, created.status(), created.raw());
        return created.data();
    }

    private static void signIn(Browser browser, String username, String password) {
        browser.go("/console/");
        browser.find("#login\\:username");
        assertEquals("/console/login.xhtml", browser.path(), "the console starts at its sign-in page");
        browser.type("#login\\:username", username);
        browser.type("#login\\:password", password);
        browser.submit("#login\\:submit");
    }

    private record Paid(Api.Session member, String serviceId, String orderId, String orderNo, String otherStaffName,
            String otherStaffId) {
    }

    private Paid paidOrder() {
        String serviceId = care.service("陪诊控制台" + System.nanoTime(), "299.00", 60).getString("id");
        care.staff("赵陪诊", serviceId);
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(10), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        String orderId = booked.data().getString("orderId");
        String orderNo = booked.data().getString("orderNo");
        assertEquals(200, api.post("/api/v1/orders/" + orderId + "/pay", Api.json("openid", "o-console"), member.token())
                .status());
        assertEquals(200, wechat.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS", FakeWechatPay.transaction(
                orderNo, 29900, "4200000020" + System.nanoTime()))).status());
        String assigned = api.get("/api/v1/orders/" + orderId, member.token()).data().getJsonObject("appointment")
                .getJsonObject("staff").getString("name");
        String other = "钱陪诊" + (System.nanoTime() % 1000);
        String otherId = care.staff(other, serviceId).getString("id");
        assertTrue(assigned.startsWith("赵陪诊"));
        return new Paid(member, serviceId, orderId, orderNo, other, otherId);
    }

    /** The file behind an export link, fetched with the browser's session. */
    private static XSSFWorkbook download(Browser browser, String link) throws Exception {
        String href = browser.find(link).getAttribute("href");
        HttpResponse<byte[]> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "LEIMING_SESSION=" + browser.driver().manage().getCookieNamed("LEIMING_SESSION")
                        .getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode(), href);
        return new XSSFWorkbook(new ByteArrayInputStream(export.body()));
    }

    @Test
    void anOperatorReassignsAndRefundsAPaidOrderAndTheMemberHearsOfBoth() throws Exception {
        JsonObject operator = operator();
        Paid order = paidOrder();
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            assertEquals("/console/index.xhtml", browser.path(), browser.page());
            assertTrue(browser.text("#who").contains("运营小王"));
            assertTrue(browser.text("h1").contains("今日概览"));
            browser.screenshot("console-today");

            browser.submit("#nav-orders");
            browser.type("#f-orderNo", order.orderNo());
            new Select(browser.find("#f-status")).selectByValue("paid");
            browser.submit("#f-submit");
            assertEquals("1", browser.text("#total"), browser.page());
            assertTrue(browser.text("#orders").contains("138****8000"), "the contact's phone is masked in the list");
            assertFalse(browser.page().contains("13800138000"));
            browser.screenshot("console-orders");
            try (XSSFWorkbook book = download(browser, "#export")) {
                var sheet = book.getSheetAt(0);
                assertEquals("订单号", sheet.getRow(0).getCell(0).getStringCellValue());
                assertEquals(1, sheet.getLastRowNum(), "the filters of the screen: one order");
                assertEquals(order.orderNo(), sheet.getRow(1).getCell(0).getStringCellValue());
                assertEquals("138****8000", sheet.getRow(1).getCell(5).getStringCellValue(), "masked as on screen");
                assertEquals(299.0, sheet.getRow(1).getCell(6).getNumericCellValue(), 0.001);
            }
            browser.submit(".order-link");

            assertEquals(order.orderNo(), browser.text("#order-no"));
            assertEquals("已支付", browser.text("#order-status"));

            // Errors appear next to their field, and what was typed stays.
            browser.type("#cancel\\:amount", "500");
            browser.type("#cancel\\:reason", "医院临时停诊");
            browser.submit("#cancel\\:submit");
            assertTrue(browser.page().contains("退款金额须在0到实付金额之间"), browser.page());
            assertEquals("医院临时停诊", browser.find("#cancel\\:reason").getAttribute("value"));
            assertEquals("已支付", browser.text("#order-status"), "a refused cancel changes nothing");
            browser.submit("#reassign\\:submit");
            assertTrue(browser.page().contains("请选择新的陪诊员"), browser.page());
            assertTrue(browser.page().contains("请填写更换原因"), browser.page());

            new Select(browser.find("#reassign\\:staff")).selectByVisibleText(order.otherStaffName());
            browser.type("#reassign\\:reason", "原陪诊员临时请假");
            browser.submit("#reassign\\:submit");
            assertTrue(browser.text("#flash").contains("已更换陪诊员"), browser.page());
            assertEquals(order.otherStaffName(), browser.text("#staff-name"));
            assertTrue(browser.text("#history").contains("更换陪诊员：原陪诊员临时请假"));
            browser.screenshot("console-order");
            browser.go("/console/orders.xhtml?staffId=" + order.otherStaffId());
            assertEquals("1", browser.text("#total"), "the new companion's orders: " + browser.page());
            assertEquals(order.otherStaffId(), new Select(browser.find("#f-staff")).getFirstSelectedOption()
                    .getAttribute("value"), "the filter shows what it filters by");
            browser.go("/console/print.xhtml?date=" + Care.slotDay());
            assertTrue(browser.text("body").contains("陪诊员：" + order.otherStaffName()), browser.page());
            assertTrue(browser.text("body").contains(order.orderNo()));
            browser.screenshot("console-print");
            try (XSSFWorkbook book = download(browser, "#day-export")) {
                var sheet = book.getSheetAt(0);
                boolean found = false;
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    var row = sheet.getRow(r);
                    if (row != null && order.orderNo().equals(row.getCell(5).getStringCellValue())) {
                        found = true;
                        assertEquals(order.otherStaffName(), row.getCell(0).getStringCellValue());
                        assertEquals("138****8000", row.getCell(7).getStringCellValue(), "masked as on screen");
                    }
                }
                assertTrue(found, "the day's export holds the order");
            }
            browser.go("/console/companions.xhtml");
            URI companion = URI.create(browser.driver().findElement(org.openqa.selenium.By.linkText(order.otherStaffName()))
                    .getAttribute("href"));
            browser.go(companion.getRawPath() + "?" + companion.getRawQuery() + "&week=" + Care.slotDay());
            assertTrue(browser.text("#week-grid").contains(order.orderNo()), "the new companion's week: " + browser.page());
            assertTrue(browser.text("#grid-settings").contains("每格"), browser.page());
            browser.screenshot("console-companion-week");
            browser.go("/console/order.xhtml?id=" + order.orderId());

            browser.type("#cancel\\:reason", "医院临时停诊");
            browser.type("#cancel\\:amount", "150.50");
            browser.submit("#cancel\\:submit");
            assertTrue(browser.text("#flash").contains("订单已取消，退款 ¥150.50 已提交微信支付"), browser.page());
            assertEquals("已取消", browser.text("#order-status"));
        }
        JsonObject detail = api.get("/api/v1/orders/" + order.orderId(), order.member().token()).data();
        assertEquals(order.otherStaffName(), detail.getJsonObject("appointment").getJsonObject("staff").getString("name"));
        assertEquals("150.50", detail.getJsonObject("refund").getJsonNumber("amount").bigDecimalValue().toPlainString());
        api.await("/api/v1/orders/" + order.orderId(), order.member().token(),
                r -> !"pending".equals(r.data().getJsonObject("refund").getString("status")), Duration.ofSeconds(15));
        assertEquals(15050, wechat.refunds.get("RF" + order.orderNo()).get(0).getJsonObject("amount").getInt("refund"),
                "WeChat Pay was asked for the chosen amount");
        Api.Reply messages = api.await("/api/v1/messages?size=20", order.member().token(),
                r -> r.raw().contains("陪诊员已更换") && r.raw().contains("订单已取消"), Duration.ofSeconds(20));
        assertTrue(messages.raw().contains("客服取消：医院临时停诊"), messages.raw());
        assertTrue(messages.raw().contains("退款150.50元"), messages.raw());
        // Reads are audited through the queue (written within a second): wait for every entry, not the first.
        List<String> acts = List.of("CONSOLE POST /orders/{id}/cancel", "CONSOLE POST /orders/{id}/reassign",
                "CONSOLE GET /orders/{id}", "CONSOLE GET /orders/export", "CONSOLE GET /orders/day/export");
        Api.Reply audit = api.await("/api/v1/admin/audit-log?actorId=" + operator.getString("id") + "&size=50",
                care.adminToken(), r -> acts.stream().allMatch(r.raw()::contains), Duration.ofSeconds(10));
        assertTrue(audit.raw().contains("CONSOLE POST /orders/{id}/reassign"), audit.raw());
        assertTrue(audit.raw().contains("CONSOLE GET /orders/{id}"), audit.raw());
        assertTrue(audit.raw().contains("CONSOLE GET /orders/export"), audit.raw());
        assertTrue(audit.raw().contains("CONSOLE GET /orders/day/export"), audit.raw());
    }

    @Test
    void anOperatorMovesAnOrderToAnotherSlotAndChecksInWithTheMembersCode() throws Exception {
        JsonObject operator = operator();
        Paid order = paidOrder();
        String code = api.get("/api/v1/orders/" + order.orderId(), order.member().token()).data()
                .getJsonObject("appointment").getString("checkInCode");
        String wrongCode = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            browser.go("/console/order.xhtml?id=" + order.orderId());
            // Chromium's date field takes typed digits in its locale's order; set the value outright.
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('slots:date').value = arguments[0];",
                    Care.slotDay().toString());
            browser.submit("#slots\\:show");
            String newStart = Care.slot(15).toString();
            new Select(browser.find("#reschedule\\:slot")).selectByValue(newStart);
            browser.submit("#reschedule\\:submit");
            assertTrue(browser.page().contains("请填写改期原因"), browser.page());
            assertEquals(newStart, new Select(browser.find("#reschedule\\:slot")).getFirstSelectedOption()
                    .getAttribute("value"), "the chosen slot is kept on an error");
            browser.type("#reschedule\\:reason", "会员当天上午有事");
            browser.submit("#reschedule\\:submit");
            assertTrue(browser.text("#flash").contains("已改期到"), browser.page());
            assertTrue(browser.text("#history").contains("改期："), browser.page());
            assertTrue(browser.text("#history").contains("会员当天上午有事"));
            browser.screenshot("console-order-reschedule");

            browser.type("#checkin\\:code", wrongCode);
            browser.submit("#checkin\\:submit");
            assertTrue(browser.page().contains("签到码不正确"), browser.page());
            assertEquals("已支付", browser.text("#order-status"), "a wrong code changes nothing");
            browser.type("#checkin\\:code", code);
            browser.submit("#checkin\\:submit");
            assertTrue(browser.text("#flash").contains("核销成功"), browser.page());
            assertEquals("服务中", browser.text("#order-status"));
            assertTrue(browser.text("#history").contains("客服核销签到码"));
        }
        JsonObject detail = api.get("/api/v1/orders/" + order.orderId(), order.member().token()).data();
        assertEquals(Care.slot(15), java.time.Instant.parse(detail.getJsonObject("appointment").getString("scheduledTime")),
                "the member sees the new time");
        assertEquals("in_progress", detail.getJsonObject("order").getString("status"));
        Api.Reply messages = api.await("/api/v1/messages?size=20", order.member().token(),
                r -> r.raw().contains("预约时间已变更") && r.raw().contains("服务已开始"), Duration.ofSeconds(20));
        assertTrue(messages.raw().contains("会员当天上午有事"), messages.raw());
        Api.Session other = api.login(Api.newPhone());
        Api.Reply taken = api.post("/api/v1/appointments", Care.booking(order.serviceId(), Care.slot(10), null),
                other.token());
        assertEquals(200, taken.status(), "the old slot is free again: " + taken.raw());
        Api.Reply audit = api.await("/api/v1/admin/audit-log?actorId=" + operator.getString("id") + "&size=50",
                care.adminToken(), r -> r.raw().contains("CONSOLE POST /orders/{id}/check-in"), Duration.ofSeconds(10));
        assertTrue(audit.raw().contains("CONSOLE POST /orders/{id}/reschedule"), audit.raw());

        // The service ends and the member is not happy: the operators' review list shows it first.
        String staffId = detail.getJsonObject("appointment").getJsonObject("staff").getString("id");
        assertEquals(200, api.post("/api/v1/staff/tasks/" + order.orderId() + "/complete", "", Tokens.staff(staffId))
                .status());
        assertEquals(200, api.post("/api/v1/orders/" + order.orderId() + "/review", Json.createObjectBuilder()
                .add("rating", 2).add("content", "改期后陪诊员迟到了半小时").build().toString(), order.member().token()).status());
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            browser.submit("#nav-reviews");
            new Select(browser.find("#r-rating")).selectByValue("2");
            browser.submit("#r-submit");
            assertTrue(browser.text("#reviews").contains(order.orderNo()), browser.page());
            assertTrue(browser.text("#reviews").contains("迟到了半小时"));
            browser.screenshot("console-reviews");
            try (XSSFWorkbook book = download(browser, "#export")) {
                var sheet = book.getSheetAt(0);
                boolean found = false;
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    var row = sheet.getRow(r);
                    found |= row != null && order.orderNo().equals(row.getCell(1).getStringCellValue());
                    assertTrue(row == null || row.getCell(4) == null || row.getCell(4).getNumericCellValue() <= 2,
                            "the screen's filter: at most 2 stars");
                }
                assertTrue(found, "the export holds the review");
            }
            browser.go("/console/reviews.xhtml?maxRating=9");
            assertTrue(browser.page().contains("评分应为1到5"), browser.page());
        }
    }

    @Test
    void anOperatorSeesAPersonsHealthDataOnlyWithAReasonThatIsAudited() throws Exception {
        JsonObject operator = operator();
        Api.Session member = api.login(Api.newPhone());
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            long alertsBefore = Long.parseLong(browser.text("#health-alerts .num"));
            assertEquals(200, api.post("/api/v1/health/records", HealthRecordIT.bloodPressure(185, 112,
                    java.time.Instant.now().minusSeconds(60)), member.token()).status());
            browser.go("/console/index.xhtml");
            assertEquals(alertsBefore + 1, Long.parseLong(browser.text("#health-alerts .num")),
                    "Today counts the alert the reading raised, and names nobody");
            browser.go("/console/member.xhtml?id=" + member.memberId());
            assertFalse(browser.page().contains("185/112"), "no health data before the operator says why");
            browser.submit("#health\\:view");
            assertTrue(browser.page().contains("请填写查看原因"), browser.page());
            assertFalse(browser.page().contains("185/112"));
            browser.type("#health\\:reason", "会员来电咨询血压记录");
            browser.submit("#health\\:view");
            assertTrue(browser.text("#readings").contains("185/112 mmHg"), browser.page());
            browser.screenshot("console-member-health");
        }
        Api.Reply audit = api.await("/api/v1/admin/audit-log?actorId=" + operator.getString("id") + "&size=50",
                care.adminToken(), r -> r.raw().contains("CONSOLE VIEW health.records"), Duration.ofSeconds(10));
        JsonObject entry = audit.data().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("CONSOLE VIEW health.records")).findFirst().orElseThrow();
        assertEquals("会员来电咨询血压记录", entry.getString("reason"));
        assertEquals(1, audit.data().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("CONSOLE VIEW health.records")).count(),
                "the refused view (no reason) showed nothing and was not recorded as a view");
    }

    @Test
    void anOperatorAddsAHospitalWithADepartmentAndADoctorAndRetiresTheDoctor() throws Exception {
        JsonObject operator = operator();
        String name = "仁济医院" + System.nanoTime();
        String hospitalId;
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            browser.submit("#nav-hospitals");
            browser.submit("#new-hospital");
            browser.type("#hospital\\:city", "上海");
            browser.submit("#hospital\\:save");
            assertTrue(browser.page().contains("请填写医院名称"), browser.page());
            assertEquals("上海", browser.find("#hospital\\:city").getAttribute("value"), "what was typed stays");
            browser.type("#hospital\\:name", name);
            browser.type("#hospital\\:grade", "三级甲等");
            browser.submit("#hospital\\:save");
            assertTrue(browser.text("#flash").contains("医院已保存"), browser.page());
            hospitalId = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");

            browser.type("#department\\:name", "心内科");
            browser.submit("#department\\:save");
            assertTrue(browser.text("#flash").contains("科室已保存"), browser.page());
            browser.submit("#doctor\\:save");
            assertTrue(browser.page().contains("请填写医生姓名"), browser.page());
            new Select(browser.find("#doctor\\:department")).selectByVisibleText("心内科");
            browser.type("#doctor\\:name", "周医生");
            browser.type("#doctor\\:title", "主任医师");
            browser.submit("#doctor\\:save");
            assertTrue(browser.text("#flash").contains("医生已保存"), browser.page());
            assertTrue(browser.text("#doctors").contains("周医生"));
            browser.screenshot("console-hospital");
            JsonObject seen = api.get("/api/v1/hospitals/" + hospitalId, null).data();
            assertEquals("周医生", seen.getJsonArray("departments").getJsonObject(0).getJsonArray("doctors")
                    .getJsonObject(0).getString("name"), seen.toString());

            browser.submit(".edit-doctor");
            assertEquals("编辑医生", browser.text("#doctor-panel h2"));
            browser.find("#doctor\\:active").click();
            browser.submit("#doctor\\:save");
            assertTrue(browser.text("#doctors").contains("已停用"), browser.page());
            browser.go("/console/hospital.xhtml?id=no-such-hospital");
            assertTrue(browser.text("#not-found").contains("没有找到"), "no new-hospital form for a wrong link");
            assertFalse(browser.has("#hospital\\:save"));
        }
        JsonObject after = api.get("/api/v1/hospitals/" + hospitalId, null).data();
        assertEquals(0, after.getJsonArray("departments").getJsonObject(0).getJsonArray("doctors").size(),
                "members no longer see the retired doctor: " + after);
        Api.Reply audit = api.await("/api/v1/admin/audit-log?actorId=" + operator.getString("id") + "&size=50",
                care.adminToken(), r -> r.raw().contains("CONSOLE POST /catalog/doctors/{id}"), Duration.ofSeconds(10));
        assertTrue(audit.raw().contains("CONSOLE POST /catalog/departments"), audit.raw());
        assertTrue(audit.raw().contains("CONSOLE POST /catalog/hospitals"), audit.raw());
    }

    @Test
    void theOrderListSortsOnTheServer() throws Exception {
        JsonObject operator = operator();
        String serviceId = care.service("排序陪诊" + System.nanoTime(), "99.00", 60).getString("id");
        String companion = care.staff("孙陪诊", serviceId).getString("id");
        Api.Session member = api.login(Api.newPhone());
        String sooner = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(8), null), member.token())
                .data().getString("orderNo"); // placed first, for the earlier slot
        String later = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(16), null), member.token())
                .data().getString("orderNo");
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            browser.go("/console/orders.xhtml?phone=" + member.phone());
            assertEquals(later, browser.text("#orders tbody tr:first-child .order-link"), "newest first by default");
            browser.submit("#sort-appointment");
            assertEquals(sooner, browser.text("#orders tbody tr:first-child .order-link"), "soonest appointment first");
            assertEquals(later, browser.text("#orders tbody tr:last-child .order-link"), browser.page());
            new Select(browser.find("#f-staff")).selectByValue(companion);
            browser.submit("#f-submit");
            assertTrue(browser.driver().getCurrentUrl().contains("sort=appointment"), "a new search keeps the order");
            assertEquals("2", browser.text("#total"), "both orders are the companion's: " + browser.page());
            browser.go("/console/orders.xhtml?sort=nonsense");
            assertTrue(browser.text("#search-error").contains("未知的排序方式"), browser.page());
        }
    }

    @Test
    void anOperatorPublishesAnArticleThatMembersThenRead() throws Exception {
        JsonObject operator = operator();
        String title = "冬季血压管理要点" + System.nanoTime();
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            browser.submit("#nav-articles");
            browser.submit("#new-article");
            browser.type("#article\\:category", "高血压");
            browser.type("#article\\:tags", "血压，冬季");
            browser.find("#article-body").sendKeys("天气转冷时血压容易升高，请每天早晚各测一次。");
            browser.submit("#article\\:publish");
            assertTrue(browser.page().contains("请填写标题"), "the reason next to the empty title: " + browser.page());
            assertTrue(browser.find("#article-body").getText().contains("请每天早晚各测一次"), "the text typed is kept");
            assertEquals("高血压", browser.find("#article\\:category").getAttribute("value"));

            browser.type("#article\\:title", title);
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('article-body').insertAdjacentHTML("
                    + "'beforeend', '<p>测量前静坐五分钟。<script>alert(1)</script><img src=\"javascript:alert(2)\"></p>');");
            browser.find("#article-body").click();
            browser.find(".toolbar button[data-cmd=bold]").click();
            browser.submit("#article\\:publish");
            assertTrue(browser.text("#flash").contains("文章已发布"), browser.page());
            assertEquals("已发布", browser.text("#article-state"));
            assertTrue(browser.text("#preview").contains("测量前静坐五分钟"));
            browser.screenshot("console-article");
        }
        Api.Session member = api.login(Api.newPhone());
        JsonObject found = api.get("/api/v1/knowledge?category=" + java.net.URLEncoder.encode("高血压",
                java.nio.charset.StandardCharsets.UTF_8) + "&size=50", member.token()).data();
        JsonObject listed = found.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("title").equals(title)).findFirst().orElseThrow(() -> new AssertionError(found));
        String content = api.get("/api/v1/knowledge/" + listed.getString("id"), member.token()).data()
                .getString("content");
        assertTrue(content.contains("测量前静坐五分钟"), content);
        assertFalse(content.contains("<script") || content.contains("javascript:"), "the sanitiser decides: " + content);
        Api.Reply audit = api.await("/api/v1/admin/audit-log?actorId=" + operator.getString("id") + "&size=50",
                care.adminToken(), r -> r.raw().contains("CONSOLE POST /knowledge/publish"), Duration.ofSeconds(10));
        assertTrue(audit.raw().contains(listed.getString("id")), audit.raw());
    }

    @Test
    void anOperatorFindsAMemberAndSuspendsAndRestoresThem() throws Exception {
        JsonObject operator = operator();
        Api.Session member = api.login(Api.newPhone());
        String masked = member.phone().substring(0, 3) + "****" + member.phone().substring(7);
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            browser.submit("#nav-members");
            browser.type("#m-q", member.phone());
            browser.submit("#m-submit");
            assertEquals("1", browser.text("#m-total"), browser.page());
            assertTrue(browser.text("#members").contains(masked));
            assertFalse(browser.text("#members").contains(member.phone()), "the list shows no full number");
            try (XSSFWorkbook book = download(browser, "#export")) {
                assertEquals(1, book.getSheetAt(0).getLastRowNum(), "the screen's search: one member");
                assertEquals(masked, book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue(), "masked as on screen");
            }
            browser.submit(".member-link");
            assertEquals(masked, browser.text("#member-phone"));

            browser.submit("#status\\:suspend");
            assertTrue(browser.page().contains("请填写原因"), "a reason is needed");
            assertEquals("正常", browser.text("#member-status"));
            browser.type("#status\\:reason", "冒用他人手机号");
            browser.submit("#status\\:suspend");
            assertEquals("已停用", browser.text("#member-status"), browser.page());
            browser.screenshot("console-member");
            assertEquals(403, api.get("/api/v1/users/me", member.token()).status(), "the member is out at once");

            browser.type("#status\\:reason", "核实为本人");
            browser.submit("#status\\:restore");
            assertEquals("正常", browser.text("#member-status"));
        }
        assertEquals(200, api.get("/api/v1/users/me", member.token()).status());
        Api.Reply audit = api.await("/api/v1/admin/audit-log?actorId=" + operator.getString("id") + "&size=50",
                care.adminToken(), r -> r.raw().contains("CONSOLE POST /members/{id}/reactivate"), Duration.ofSeconds(10));
        assertTrue(audit.raw().contains("CONSOLE GET /members/export"), audit.raw());
        assertTrue(audit.raw().contains("CONSOLE POST /members/{id}/suspend"), audit.raw());
    }

    @Test
    void anOperatorChangesAServiceAndMembersSeeItAtOnce() throws Exception {
        JsonObject operator = operator();
        String name = "检查陪同" + System.nanoTime();
        String serviceId = care.service(name, "299.00", 60).getString("id");
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            browser.submit("#nav-services");
            browser.submit("#services a[href$='" + serviceId + "']");
            browser.type("#service\\:price", "-1");
            browser.submit("#service\\:save");
            assertTrue(browser.page().contains("价格不能为负"), browser.page());
            browser.type("#service\\:price", "259.00");
            browser.submit("#service\\:save");
            assertTrue(browser.text("#saved").contains("已保存"), browser.page());
            assertEquals("259.00", api.get("/api/v1/services/" + serviceId, null).data().getJsonNumber("price")
                    .bigDecimalValue().setScale(2).toPlainString(), "members see the new price at once");
            browser.screenshot("console-services");

            browser.submit("#services a[href$='" + serviceId + "']");
            browser.find("#service\\:active").click();
            browser.submit("#service\\:save");
            browser.find("#saved");
        }
        assertEquals(404, api.get("/api/v1/services/" + serviceId, null).status(), "taken off sale");
        Api.Reply audit = api.await("/api/v1/admin/audit-log?actorId=" + operator.getString("id") + "&size=50",
                care.adminToken(), r -> r.raw().contains("CONSOLE POST /catalog/services/{id}"), Duration.ofSeconds(10));
        assertTrue(audit.raw().contains(serviceId), audit.raw());
    }

    @Test
    void anOperatorTakesACompanionOffAndBackOn() throws Exception {
        JsonObject operator = operator();
        String serviceId = care.service("住院陪护" + System.nanoTime(), "399.00", 120).getString("id");
        String wecomUser = "console-staff" + System.nanoTime();
        Api.Reply created = api.post("/api/v1/admin/staff", Json.createObjectBuilder().add("name", "吴陪诊")
                .add("wecomUserId", wecomUser).add("serviceIds", Json.createArrayBuilder().add(serviceId)).build()
                .toString(), care.adminToken());
        assertEquals(200, created.status(), created.raw());
        String staffId = created.data().getString("id");
        FakeWecomApi wecom = FakeWecomApi.get();
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            browser.submit("#nav-companions");
            browser.submit("#companions a[href$='" + staffId + "']");
            assertEquals("在职", browser.text("#companion-status"));
            browser.type("#companion\\:phone", "12345");
            browser.submit("#companion\\:save");
            assertTrue(browser.page().contains("请填写正确的手机号码"), browser.page());
            browser.type("#companion\\:phone", "13900139000");
            browser.find("#companion\\:active").click();
            browser.submit("#companion\\:save");
            assertTrue(browser.text("#saved").contains("已保存"), browser.page());
            browser.screenshot("console-companions");
            assertEquals(403, api.post("/api/v1/staff/login", Api.json("code", wecom.codeFor(wecomUser)), null).status(),
                    "a companion taken off cannot sign in");

            browser.submit("#companions a[href$='" + staffId + "']");
            assertEquals("已离职", browser.text("#companion-status"));
            assertEquals("139****9000", browser.find("#companion\\:phone").getAttribute("value"), "the phone masked");
            browser.find("#companion\\:active").click();
            browser.submit("#companion\\:save");
            browser.find("#saved");
        }
        assertEquals(200, api.post("/api/v1/staff/login", Api.json("code", wecom.codeFor(wecomUser)), null).status());
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""));
             java.sql.PreparedStatement read = db.prepareStatement("SELECT phone FROM staff WHERE id = ?")) {
            read.setString(1, staffId);
            try (java.sql.ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                assertEquals("13900139000", row.getString(1), "saving with the masked number kept the real one");
            }
        }
    }

    @Test
    void aWrongPasswordSignsNobodyIn() throws Exception {
        JsonObject operator = operator();
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), "Wrong-Password-1");
            assertEquals("/console/login.xhtml", browser.path());
            assertTrue(browser.page().contains("用户名、密码或动态验证码错误"), browser.page());
            browser.screenshot("console-login");
            browser.go("/console/orders.xhtml");
            assertEquals("/console/login.xhtml", browser.path(), "still not signed in");
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
        JsonObject operator = operator();
        Paid order = paidOrder();
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            browser.go("/console/order.xhtml?id=" + order.orderId());
            browser.type("#cancel\\:reason", "伪造的请求");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('#cancel input[name=_csrf]').remove();");
            browser.submit("#cancel\\:submit");
            assertTrue(browser.text("#refused").contains("无法访问"), browser.page());
            assertTrue(browser.page().contains("安全令牌"));

            // the same from another site: the session cookie, a Faces form, no token
            Cookie session = browser.driver().manage().getCookieNamed("LEIMING_SESSION");
            assertTrue(session.isHttpOnly(), "scripts cannot read the session cookie");
            assertEquals("Lax", session.getSameSite());
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(Api.BASE + "/console/order.xhtml?id=" + order.orderId()))
                    .header("Cookie", "LEIMING_SESSION=" + session.getValue())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("cancel=cancel&cancel%3Areason=x&cancel%3Asubmit=1"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, forged.statusCode());
        }
        assertEquals("paid", api.get("/api/v1/orders/" + order.orderId(), order.member().token()).data()
                .getJsonObject("order").getString("status"), "nothing was cancelled");
    }

    @Test
    void anEndedSessionOrAMembersTokenOpensNothing() throws Exception {
        JsonObject operator = operator();
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            assertEquals("/console/index.xhtml", browser.path());
            // a session the server no longer knows (timed out, or the server restarted)
            browser.driver().manage().deleteCookieNamed("LEIMING_SESSION");
            browser.driver().manage().addCookie(new Cookie("LEIMING_SESSION", "ended-session-0000", "/"));
            browser.go("/console/orders.xhtml");
            assertEquals("/console/login.xhtml", browser.path());
            assertTrue(browser.text("#expired").contains("登录已超时"));

            signIn(browser, operator.getString("username"), PASSWORD);
            browser.go("/console/");
            assertEquals("/console/index.xhtml", browser.path(), "the console's address opens its first page");
            browser.submit("#signout\\:go");
            assertTrue(browser.text("#signed-out").contains("您已安全退出"));
            browser.go("/console/index.xhtml");
            assertEquals("/console/login.xhtml", browser.path(), "signed out means out");
        }
        Api.Session member = api.login(Api.newPhone());
        HttpResponse<String> withToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Api.BASE + "/console/orders.xhtml")).header("Authorization", "Bearer " + member.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, withToken.statusCode(), "a member's token is no console session");
        assertTrue(withToken.headers().firstValue("Location").orElse("").endsWith("/console/login.xhtml"));
        assertFalse(withToken.body().contains("订单"));
    }

    @Test
    void adminPagesAreForAdminsOnly() throws Exception {
        JsonObject operator = operator();
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            assertFalse(browser.has("#nav-accounts"), "an operator is not shown the admin pages");
            browser.go("/console/admin/accounts.xhtml");
            assertTrue(browser.text("#refused").contains("无法访问"));
            assertTrue(browser.page().contains("仅限管理员"));
        }
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, "it-admin", "it-admin-Secret-1");
            browser.submit("#nav-accounts");
            assertTrue(browser.text("#accounts").contains(operator.getString("username")), browser.page());
            String newcomer = "new" + System.nanoTime() % 1_000_000;
            browser.type("#account\\:username", newcomer);
            browser.type("#account\\:name", "新同事");
            browser.type("#account\\:password", "short");
            browser.submit("#account\\:create");
            assertTrue(browser.page().contains("密码至少"), "the password rules, next to the field: " + browser.page());
            assertEquals(newcomer, browser.find("#account\\:username").getAttribute("value"), "what was typed stays");
            assertEquals("", browser.find("#account\\:password").getAttribute("value"), "but never the password");
            browser.type("#account\\:password", "Console-Newcomer-7");
            browser.submit("#account\\:create");
            assertTrue(browser.text("#flash").contains("已创建账号 " + newcomer), browser.page());
            browser.screenshot("console-accounts");
            browser.submit(".disable-" + newcomer);
            assertEquals("已停用", browser.text(".status-" + newcomer), browser.page());
            try (Browser disabled = Browser.open(1440, 900)) {
                signIn(disabled, newcomer, "Console-Newcomer-7");
                assertEquals("/console/login.xhtml", disabled.path(), "a disabled account signs in nowhere");
            }
            browser.submit(".enable-" + newcomer);
            assertEquals("启用", browser.text(".status-" + newcomer), browser.page());
            try (Browser promoted = Browser.open(1440, 900)) {
                signIn(promoted, newcomer, "Console-Newcomer-7");
                assertEquals("/console/index.xhtml", promoted.path(), promoted.page());
                assertFalse(promoted.has("#nav-accounts"));
                new Select(browser.find("select.role-" + newcomer)).selectByValue("admin");
                browser.submit(".save-role-" + newcomer);
                assertTrue(browser.text("#flash").contains("角色已更新"), browser.page());
                promoted.go("/console/orders.xhtml");
                assertEquals("/console/login.xhtml", promoted.path(), "a role change ends the session at its next click");
                assertTrue(promoted.text("#disabled").contains("角色已变更"), promoted.page());
                signIn(promoted, newcomer, "Console-Newcomer-7");
                assertTrue(promoted.has("#nav-accounts"), "signed in again, as what they are now");
            }

            browser.submit("#nav-jobs");
            browser.submit("input.start-appointment-reminders");
            assertTrue(browser.text("#flash").contains("作业已启动"), browser.page());
            assertTrue(browser.text("#executions").contains("预约提醒"), browser.page());
            browser.screenshot("console-jobs");
            browser.submit("#nav-notifications");
            browser.find("#dead-total");
            browser.submit("#nav-audit");
            browser.type("#a-actor", operator.getString("id"));
            browser.submit("#a-submit");
            browser.submit("#verify\\:go");
            assertTrue(browser.text("#chain").contains("审计日志完整"), browser.page());
            browser.screenshot("console-audit");
        }
        try (Browser browser = Browser.open(1440, 900)) {
            signIn(browser, operator.getString("username"), PASSWORD);
            for (String page : java.util.List.of("jobs", "notifications", "audit")) {
                browser.go("/console/admin/" + page + ".xhtml");
                assertTrue(browser.text("#refused").contains("无法访问"), page);
            }
        }
    }
}
