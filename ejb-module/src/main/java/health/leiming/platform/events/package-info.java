/**
 * Business events as a platform service: the outbox (stored in the caller's transaction), its relay
 * and publisher to Artemis, the consumer and the dispatcher that fires each typed payload to CDI
 * observers once (processed_events). Payload records live in the contexts that raise them, listed
 * in each context's EventCatalog.
 */
package health.leiming.platform.events;
