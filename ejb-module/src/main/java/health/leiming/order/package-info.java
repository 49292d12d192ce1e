/**
 * Selling care: checkout (an order on top of a care reservation), the order's state machine and
 * history, payments and refunds with WeChat Pay, the unpaid-order sweep, staff tasks, reviews,
 * appointment reminders and the admins' order search. Owns orders, order_transitions, payments,
 * refunds, reviews, order_sequences. Raises the order.* and appointment.reminder events. Uses care,
 * member, integration and platform.
 */
package health.leiming.order;
