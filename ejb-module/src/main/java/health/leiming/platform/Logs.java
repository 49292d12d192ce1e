package health.leiming.platform;

import java.util.logging.Logger;

/**
 * Loggers whose every line carries the current request id ("[req=...]"), so that an operator can
 * follow one member's request through the log. Use instead of Logger.getLogger.
 */
public final class Logs {

    private Logs() {
    }

    public static Logger get(Class<?> owner) {
        Logger logger = Logger.getLogger(owner.getName());
        if (!(logger.getFilter() instanceof RequestIdStamp)) {
            logger.setFilter(new RequestIdStamp());
        }
        return logger;
    }

    private static final class RequestIdStamp implements java.util.logging.Filter {
        @Override
        public boolean isLoggable(java.util.logging.LogRecord record) {
            String requestId = RequestContext.requestId();
            if (requestId != null && record.getMessage() != null && !record.getMessage().startsWith("[req=")) {
                record.setMessage("[req=" + requestId + "] " + record.getMessage());
            }
            return true;
        }
    }
}
