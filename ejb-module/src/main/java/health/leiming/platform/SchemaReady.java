package health.leiming.platform;

/** CDI event fired once the schema migrations have been applied; background work starts on it. */
public record SchemaReady(String databaseFamily) {
}
