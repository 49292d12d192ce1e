package health.leiming.web.platform;

/** Paths of the API as the filters compare them: relative to /api/v1, without a leading slash. */
final class ApiPaths {

    private ApiPaths() {
    }

    /** The request's path without its leading slash ("admin/members"). */
    static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The path is the prefix or below it, segment by segment ("admin/members" is not under "admin/me"). */
    static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
