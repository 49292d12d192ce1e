/**
 * Telling people: observes business events and routes them to the message centre, WeChat subscribe
 * messages, WeCom messages to companions and SMS, with preferences, quiet hours, retries and dead
 * letters; and the member-companion chat. Owns messages, notification deliveries, preferences,
 * subscribe grants, chat_messages. Raises chat.message. Uses the contexts below it through their
 * services; nothing imports it.
 */
package health.leiming.notify;
