package health.leiming.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Rich text from the editor, made safe for the mini-program's rich-text component: an allow-list of
 * formatting elements and attributes; no scripts, styles, frames or forms, no event handlers, links
 * and images only over http(s) (so no javascript: or data: URLs), whatever the nesting or spelling.
 */
public final class RichText {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("col", "colgroup")
            .addAttributes("a", "target")
            .removeProtocols("a", "href", "ftp", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private RichText() {
    }

    /** The allowed part of the HTML (text kept, everything else dropped). */
    public static String clean(String html) {
        if (html == null) {
            return "";
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, output);
    }

    /** The text of the HTML (for summaries and search), whitespace collapsed. */
    public static String text(String html) {
        return Jsoup.parse(html == null ? "" : html).text();
    }
}
