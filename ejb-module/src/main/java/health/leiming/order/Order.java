package health.leiming.order;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Ids;
import health.leiming.platform.Masking;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order for one booked service. It knows which moves are legal (see {@link OrderStatus}) and
 * refuses every other; each move returns the transition to record. The amount is the catalog price
 * at the time of booking, never a number from the client.
 */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private String id;

    @Column(name = "order_no", nullable = false)
    private String orderNo;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "service_id", nullable = false)
    private String serviceId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "payment_method")
    private String paymentMethod;

    @Column(name = "payment_no")
    private String paymentNo;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "refund_amount")
    private BigDecimal refundAmount;

    /** {"name", "phone"} of the person to contact on the day. */
    /** The purpose (FieldCipher) the contact for the day is encrypted under. */
    public static final String CONTACT = "orders.contact_info";

    @Column(name = "contact_info", nullable = false)
    private String contactInfo;

    /** What was booked, as it was then: {"name", "category", "price", "durationMinutes"}. */
    @Column(name = "service_info", nullable = false)
    private String serviceInfo;

    /** When the booked appointment starts (a copy of the appointment's, for searching orders by day). */
    @Column(name = "scheduled_time", nullable = false)
    private Instant scheduledTime;

    /** The hospital it was booked at, or null (a copy of the appointment's). */
    @Column(name = "hospital_id")
    private String hospitalId;

    /** The companion who has it, or null before one is chosen (a copy of the appointment's). */
    @Column(name = "staff_id")
    private String staffId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Order() {
    }

    private Order(String orderNo, String userId, String personId, String serviceId, BigDecimal amount,
            String sealedContact, JsonObject service, Instant scheduledTime, String hospitalId, Instant now) {
        this.id = Ids.newId();
        this.orderNo = orderNo;
        this.userId = userId;
        this.personId = personId;
        this.serviceId = serviceId;
        this.amount = amount;
        this.status = OrderStatus.pending;
        this.contactInfo = sealedContact;
        this.serviceInfo = service.toString();
        this.scheduledTime = scheduledTime;
        this.hospitalId = hospitalId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A new pending order and the transition that records its placing. The contact ({name, phone} as JSON)
     * comes encrypted under {@link #CONTACT} (Checkout seals it).
     */
    public static Placed place(String orderNo, String userId, String personId, String serviceId, BigDecimal price,
            String sealedContact, JsonObject service, Instant scheduledTime,
            String hospitalId, Instant now) {
        Order order = new Order(orderNo, userId, personId, serviceId, price, sealedContact, service, scheduledTime,
                hospitalId, now);
        return new Placed(order, new OrderTransition(order.id, null, OrderStatus.pending, Actor.member(userId),
                "下单", now));
    }

    /** Moves the order on, or refuses with 409 ORDER_STATE_INVALID when the move is not legal from here. */
    public OrderTransition moveTo(OrderStatus target, Actor actor, String reason, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new BusinessException(ErrorKind.CONFLICT, "ORDER_STATE_INVALID",
                    "订单" + status.label() + "，不能变为" + target.label());
        }
        OrderTransition transition = new OrderTransition(id, status, target, actor, reason, now);
        status = target;
        updatedAt = now;
        switch (target) {
            case paid -> paidAt = now;
            case completed -> completedAt = now;
            case cancelled -> {
                cancelledAt = now;
                cancelReason = reason;
            }
            default -> {
            }
        }
        return transition;
    }

    /** A step that keeps the status: a change the history must show (another companion, say). */
    public OrderTransition noted(Actor actor, String reason, Instant now) {
        updatedAt = now;
        return new OrderTransition(id, status, status, actor, reason, now);
    }

    /** The companion who carries it out now (chosen at booking, changed by an operator). */
    public void assignedTo(String staffId) {
        this.staffId = staffId;
    }

    /** The appointment moved to another start: the order's time follows, and the history says why. */
    public OrderTransition rescheduled(Instant start, Actor actor, String reason, Instant now) {
        scheduledTime = start;
        return noted(actor, reason, now);
    }

    /** Paid through a payment channel: the order moves to paid and keeps the channel's transaction number. */
    public OrderTransition paid(String method, String transactionNo, Instant now) {
        OrderTransition transition = moveTo(OrderStatus.paid, Actor.system(), "支付成功（" + method + "）", now);
        paymentMethod = method;
        paymentNo = transactionNo;
        return transition;
    }

    /** The amount in fen (分), as payment channels count it. */
    public long amountFen() {
        return amount.movePointRight(2).longValueExact();
    }

    /** What goes back of a cancelled paid order, or null. */
    public BigDecimal refundAmount() {
        return refundAmount;
    }

    public boolean isPaid() {
        return paidAt != null;
    }

    public String paymentNo() {
        return paymentNo;
    }

    /** The contact for the day, unmasked: only for the staff member assigned to the order. */
    public OrderView.Contact contactForStaff(FieldCipher cipher) {
        JsonObject contact = contact(cipher);
        return new OrderView.Contact(contact.getString("name"), contact.getString("phone"));
    }

    public String serviceId() {
        return serviceId;
    }

    public String serviceName() {
        return json(serviceInfo).getString("name");
    }

    /** Cancels, keeping how much of the payment goes back (nothing was paid for a pending order). */
    public OrderTransition cancel(Actor actor, String reason, BigDecimal refund, Instant now) {
        OrderTransition transition = moveTo(OrderStatus.cancelled, actor, reason, now);
        refundAmount = paidAt != null ? refund : null;
        return transition;
    }

    public boolean belongsTo(String memberId) {
        return userId.equals(memberId);
    }

    public OrderView view(FieldCipher cipher) {
        JsonObject contact = contact(cipher);
        JsonObject service = json(serviceInfo);
        return new OrderView(id, orderNo, status.name(), status.label(), amount, refundAmount, personId,
                new OrderView.ServiceInfo(serviceId, service.getString("name"), service.getString("category")),
                new OrderView.Contact(contact.getString("name"), Masking.phone(contact.getString("phone"))),
                createdAt, paidAt, completedAt, cancelledAt, cancelReason);
    }

    /** The contact: encrypted, or as written in clear before contacts were encrypted (KeyRotation encrypts those). */
    private JsonObject contact(FieldCipher cipher) {
        return json(cipher.readable(CONTACT, contactInfo));
    }

    /** Encrypts a contact written in clear before, or re-encrypts it under the current key (KeyRotation). */
    void rotateContact(FieldCipher cipher) {
        contactInfo = cipher.encrypt(CONTACT, cipher.readable(CONTACT, contactInfo));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    public String id() {
        return id;
    }

    public String orderNo() {
        return orderNo;
    }

    public String userId() {
        return userId;
    }

    public String personId() {
        return personId;
    }

    public OrderStatus status() {
        return status;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public record Placed(Order order, OrderTransition transition) {
    }
}
