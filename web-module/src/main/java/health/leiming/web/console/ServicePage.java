package health.leiming.web.console;

import health.leiming.care.Catalog;
import health.leiming.care.ServiceCategory;
import health.leiming.care.ServiceView;
import health.leiming.platform.AuditTrail;
import health.leiming.web.admin.CatalogAdminResource.ServiceRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * 服务 (catalog): the services members book, and one service's form (name, category, description,
 * price, duration, order, active), checked by the same rules as the admin API; each change audited.
 */
@Named
@ViewScoped
public class ServicePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Catalog catalog;

    @Inject
    transient Validator validator;

    @Inject
    transient AuditTrail audit;

    @Inject
    transient Console console;

    private transient List<ServiceView> services;
    private String id;
    private ServiceView saved;
    private String name;
    private String category = ServiceCategory.companion.name();
    private String description;
    private BigDecimal price;
    private Integer durationMinutes;
    private Integer sortOrder;
    private boolean active = true;

    public List<ServiceView> getServices() {
        if (services == null) { // EL asks several times per render: read once
            services = catalog.allServices();
        }
        return services;
    }

    public List<ServiceCategory> getCategories() {
        return Arrays.asList(ServiceCategory.values());
    }

    public void load() {
        if (saved != null || id == null || id.isBlank()) {
            return;
        }
        catalog.allServices().stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(s -> {
            saved = s;
            name = s.name();
            category = s.category();
            description = s.description();
            price = s.price();
            durationMinutes = s.durationMinutes();
            sortOrder = s.sortOrder();
            active = s.active();
        });
    }

    public void save() throws IOException {
        ServiceRequest request = new ServiceRequest(name, category, description, price, durationMinutes, active, sortOrder);
        if (!Actions.valid(validator, "service", request)) {
            return;
        }
        ConsoleUser user = console.getUser();
        boolean created = saved == null;
        ServiceView result = Actions.audited(audit, user.id(), user.role(),
                "CONSOLE POST /catalog/services" + (created ? "" : "/{id}"), created ? null : saved.id(), null,
                () -> created ? catalog.createService(request.details()) : catalog.updateService(saved.id(), request.details()));
        if (result != null) {
            Actions.redirect("services.xhtml", "?saved=" + result.id());
        }
    }

    public ServiceView getSaved() {
        return saved;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public Integer getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(Integer sortOrder) {
        this.sortOrder = sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
