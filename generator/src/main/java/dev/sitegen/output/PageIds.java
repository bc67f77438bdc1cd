package dev.sitegen.output;

import dev.sitegen.plan.Urls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The element ids of the pages a build made, for checking the anchors links point to. Where the output keeps its
 * files, a page is read for them only when a link points into it: scanning every page as it was written was 3% of a
 * 10,000-page build, and most pages are no link's target (the benchmark's none).
 */
public final class PageIds {
    private final OutputDir out;
    private final Map<String, Set<String>> known = new ConcurrentHashMap<>();
    private final Set<String> unread = ConcurrentHashMap.newKeySet();

    public PageIds(OutputDir out) {
        this.out = out;
    }

    /** A page rendered now; its ids, or null when they are left to be read if needed. */
    public Set<String> made(String sitePath, byte[] html) {
        if (out.keepsFiles()) {
            unread.add(sitePath);
            return null;
        }
        Set<String> found = ids(html);
        known.put(sitePath, found);
        return found;
    }

    /** A page taken from the previous build, with the ids it knew of it (null if it never read them). */
    public void reused(String sitePath, Set<String> ids) {
        if (ids != null) known.put(sitePath, ids);
        else unread.add(sitePath);
    }

    /** The ids of a page this build made, or null when it made no such page. */
    public Set<String> of(String sitePath) {
        Set<String> ids = known.get(sitePath);
        if (ids != null || !unread.contains(sitePath)) return ids;
        try {
            byte[] html = out.read(Urls.file(sitePath));
            ids = html == null ? Set.of() : ids(html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + Urls.file(sitePath) + ": " + e.getMessage(), e);
        }
        known.put(sitePath, ids);
        return ids;
    }

    /**
     * The values of every {@code id="…"} attribute of a page's UTF-8 bytes. A Horspool scan for {@code  id="}: it looks
     * at about one byte in four, where String.indexOf looks at each (without the optimizing compiler's intrinsic, 3.6% of
     * a 10,000-page build went to this scan; print pages are a megabyte each).
     */
    public static Set<String> ids(byte[] html) {
        Set<String> found = new HashSet<>();
        int n = html.length;
        for (int at = 4; at < n; ) {
            byte b = html[at];
            if (b == '"' && html[at - 1] == '=' && html[at - 2] == 'd' && html[at - 3] == 'i' && html[at - 4] == ' ') {
                int start = at + 1;
                int end = start;
                while (end < n && html[end] != '"') end++;
                if (end == n) break;
                found.add(new String(html, start, end - start, StandardCharsets.UTF_8));
                at = end + 5; // the next " id=\"" starts after the closing quote at the soonest
            } else {
                at += SHIFT[b & 0xff];
            }
        }
        return found;
    }

    /** How far the scan for {@code  id="} may move on, by the byte under its last position. */
    private static final byte[] SHIFT = new byte[256];

    static {
        Arrays.fill(SHIFT, (byte) 5);
        SHIFT[' '] = 4;
        SHIFT['i'] = 3;
        SHIFT['d'] = 2;
        SHIFT['='] = 1;
    }
}
