package health.leiming.notify;

import jakarta.json.JsonObject;

/** The message-centre texts of an order's progress, for the member (Chinese). */
final class OrderMessages {

    private OrderMessages() {
    }

    static String title(String eventType) {
        return switch (eventType) {
            case EventTypes.ORDER_PAID -> "支付成功";
            case EventTypes.ORDER_CONFIRMED -> "服务人员已接单";
            case EventTypes.ORDER_STARTED -> "服务已开始";
            case EventTypes.ORDER_COMPLETED -> "服务已完成";
            case EventTypes.ORDER_CANCELLED -> "订单已取消";
            case EventTypes.ORDER_REFUNDED -> "退款成功";
            default -> "订单动态";
        };
    }

    static String content(String eventType, JsonObject order) {
        String no = order.getString("orderNo");
        return switch (eventType) {
            case EventTypes.ORDER_PAID -> "订单" + no + "已支付成功，我们将尽快为您安排服务人员。";
            case EventTypes.ORDER_CONFIRMED -> "订单" + no + "的服务人员已确认接单，请按时前往。";
            case EventTypes.ORDER_STARTED -> "订单" + no + "的服务人员已到达现场，服务开始。";
            case EventTypes.ORDER_COMPLETED -> "订单" + no + "的服务已完成，欢迎对本次服务进行评价。";
            case EventTypes.ORDER_CANCELLED -> "订单" + no + "已取消（" + order.getString("reason", "") + "）"
                    + (order.containsKey("refundAmount") && order.getJsonNumber("refundAmount").doubleValue() > 0
                            ? "，退款" + order.getJsonNumber("refundAmount").bigDecimalValue().toPlainString() + "元将原路退回。"
                            : "。");
            case EventTypes.ORDER_REFUNDED -> "订单" + no + "的退款"
                    + order.getJsonNumber("refundAmount").bigDecimalValue().toPlainString() + "元已原路退回。";
            default -> "订单" + no + "有新的动态。";
        };
    }
}
