package health.leiming.order;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Order search for admins: by status, appointment day, service, hospital, member phone or member. */
@Stateless
public class AdminOrders {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public OrderService.OrderPage search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where a.orderId = o.id");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.status() != null && !filter.status().isBlank()) {
            where.append(" and o.status = :status");
            parameters.put("status", OrderStatus.parse(filter.status()));
        }
        if (filter.date() != null) {
            where.append(" and a.scheduledTime >= :from and a.scheduledTime < :to");
            parameters.put("from", filter.date().atStartOfDay(zone).toInstant());
            parameters.put("to", filter.date().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.serviceId() != null && !filter.serviceId().isBlank()) {
            where.append(" and o.serviceId = :service");
            parameters.put("service", filter.serviceId().strip());
        }
        if (filter.hospitalId() != null && !filter.hospitalId().isBlank()) {
            where.append(" and a.hospitalId = :hospital");
            parameters.put("hospital", filter.hospitalId().strip());
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            where.append(" and o.userId in (select m.id from Member m where m.phone = :phone)");
            parameters.put("phone", filter.phone().strip());
        }
        if (filter.memberId() != null) {
            where.append(" and o.userId = :member");
            parameters.put("member", filter.memberId());
        }
        TypedQuery<Order> orders = em.createQuery("select o from Order o, Appointment a" + where
                + " order by o.createdAt desc, o.id", Order.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from Order o, Appointment a" + where, Long.class);
        parameters.forEach((name, value) -> {
            orders.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<OrderService.OrderDetail> items = orders.setFirstResult((page - 1) * size).setMaxResults(size)
                .getResultStream().map(o -> new OrderService.OrderDetail(o.view(), null, null, null)).toList();
        return new OrderService.OrderPage(items, page, size, count.getSingleResult());
    }

    public record Filter(String status, LocalDate date, String serviceId, String hospitalId, String phone,
            String memberId) {
    }
}
