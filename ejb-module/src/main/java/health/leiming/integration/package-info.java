/**
 * Clients of outside systems: the WeChat mini-program API (login, phone numbers, subscribe
 * messages), WeChat Pay v3, the WeCom API, the SMS gateway and an OpenAI-compatible model. Each with
 * its base URL and timeouts from configuration and fault tolerance at the call; one access-token cache
 * and one JSON-over-HTTP helper. Knows no business context; uses only platform.
 */
package health.leiming.integration;
