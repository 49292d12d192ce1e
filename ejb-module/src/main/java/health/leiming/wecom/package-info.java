/**
 * The staff side in WeCom: verified callbacks stored once in an inbox and processed from the broker
 * (a companion's "接单" reply, contact changes), and the staff login by WeCom OAuth. Owns
 * wecom_inbox. Raises wecom.callback and observes it. Uses order, care, member, integration and
 * platform; nothing imports it.
 */
package health.leiming.wecom;
