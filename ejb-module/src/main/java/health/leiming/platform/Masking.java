package health.leiming.platform;

/** Masks personal data for responses and logs, following the product document's rules. */
public final class Masking {

    private Masking() {
    }

    /** 13800138000 -> 138****8000. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    /** 110101199003074514 -> 110101********4514. */
    public static String idCard(String idCard) {
        if (idCard == null || idCard.length() < 15) {
            return idCard == null ? null : "********";
        }
        return idCard.substring(0, 6) + "********" + idCard.substring(14);
    }

    /** 张三 -> 张*, 欧阳娜娜 -> 欧*娜, 李 -> *. Works on code points, so names outside the BMP mask correctly. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        String first = new String(cps, 0, 1);
        if (cps.length == 2) {
            return first + "*";
        }
        return first + "*" + new String(cps, cps.length - 1, 1);
    }
}
