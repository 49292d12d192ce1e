package health.leiming.notify;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Every server's copy of the chat topic (a non-durable subscription each): hands a message to the
 * clients connected here. Bound in server.xml as activation spec
 * "leiming-health/leiming-ejb/ChatTopicConsumer".
 */
@MessageDriven(name = "ChatTopicConsumer", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")
})
public class ChatTopicConsumer implements MessageListener {

    @Inject
    ChatRoom room;

    @Override
    public void onMessage(Message message) {
        try {
            room.deliverLocally(ChatRoom.fromJson(message.getBody(String.class)));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable chat message", e);
        }
    }
}
