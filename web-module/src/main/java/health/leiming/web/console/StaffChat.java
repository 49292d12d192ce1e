package health.leiming.web.console;

import health.leiming.member.TokenVerifier;
import health.leiming.notify.Chat;
import health.leiming.notify.ChatMessageView;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 聊天 on the companions' page: the conversation of one of the companion's orders with its member,
 * the latest 50 messages rendered by the server, then live over the chat's WebSocket (staff-chat.js),
 * which accepts the staff page's session. Someone else's order is "not found"; opening it is audited.
 */
@Named
@RequestScoped
public class StaffChat {

    static final int SHOWN = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    @Inject
    Chat chat;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    private Chat.Party party;
    private List<Line> messages = List.of();

    @PostConstruct
    void open() {
        FacesContext faces = FacesContext.getCurrentInstance();
        StaffUser staff = ConsoleSession.staff(((HttpServletRequest) faces.getExternalContext().getRequest())
                .getSession(false));
        String orderId = faces.getExternalContext().getRequestParameterMap().get("order");
        try {
            party = chat.party(new TokenVerifier.Bearer(staff.staffId(), Set.of(Chat.STAFF)), orderId);
        } catch (BusinessException e) {
            audit.queue(staff.staffId(), Chat.STAFF, null, "STAFF GET /staff/chat/{id}", null, AuditTrail.DENIED);
            return;
        }
        List<Line> lines = new ArrayList<>(chat.history(party, new PageRequest(1, SHOWN)).items().stream()
                .map(this::line).toList());
        Collections.reverse(lines); // the page reads oldest first
        messages = lines;
        audit.queue(staff.staffId(), Chat.STAFF, null, "STAFF GET /staff/chat/{id}", party.orderId(), AuditTrail.SUCCESS);
    }

    private Line line(ChatMessageView message) {
        return new Line(message.id(), Chat.STAFF.equals(message.from()) ? "mine" : "theirs",
                Chat.STAFF.equals(message.from()) ? "我" : Chat.MEMBER.equals(message.from()) ? "用户" : "客服",
                message.content(), TIME.format(message.createdAt().atZone(zone)));
    }

    public boolean isFound() {
        return party != null;
    }

    public Chat.Party getParty() {
        return party;
    }

    public List<Line> getMessages() {
        return messages;
    }

    /** A message as the page shows it: whose side, who, what, when. */
    public record Line(String id, String side, String who, String content, String time) {
    }
}
