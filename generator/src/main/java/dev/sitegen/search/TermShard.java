package dev.sitegen.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One file of the word list: a run of keys in sorted order, each with its postings (if it is a stem) and the stem it
 * stands for (if it is a word as written that stems to something else). The binary layout, before gzip, is
 * documented in docs/search.md; search.js reads the same bytes.
 *
 * <pre>
 * varint count
 * count × entry:
 *   varint shared        characters shared with the previous key of this file
 *   string rest          the rest of the key (varint byte length, UTF-8)
 *   varint redirect      0: the key is not a form of another stem; k+1: the stem is the key's first k characters + string
 *   [string stemEnd]     only when redirect &gt; 0
 *   varint df            number of postings (0 for a key that only redirects)
 *   df × varint          document number, as a gap from the previous posting (the first as it is)
 *   df × byte            weight 1..255 (title, tags, description, headings, body; see SearchIndex)
 *   df × byte            section: the heading (0 = before the first heading) nearest to the word in that page
 * </pre>
 */
public record TermShard(String[] keys, String[] stems, int[][] docs, byte[][] weights, byte[][] sections) {

    /** One key to write; {@code stem} is null unless the key is a form of another stem, {@code docs} empty for no postings. */
    record Entry(String key, String stem, int[] docs, byte[] weights, byte[] sections) {
        int size() {
            return key.length() + 3 + docs.length * 3 + (stem == null ? 0 : 2);
        }
    }

    static byte[] encode(List<Entry> entries) {
        Out out = new Out();
        varint(out, entries.size());
        String previous = "";
        for (Entry e : entries) {
            int shared = 0;
            int max = Math.min(previous.length(), e.key().length());
            while (shared < max && previous.charAt(shared) == e.key().charAt(shared)) shared++;
            varint(out, shared);
            string(out, e.key().substring(shared));
            if (e.stem() == null) {
                varint(out, 0);
            } else {
                int keep = 0;
                int m = Math.min(e.stem().length(), e.key().length());
                while (keep < m && e.stem().charAt(keep) == e.key().charAt(keep)) keep++;
                varint(out, keep + 1);
                string(out, e.stem().substring(keep));
            }
            int[] docs = e.docs();
            varint(out, docs.length);
            int last = 0;
            for (int d : docs) {
                varint(out, d - last);
                last = d;
            }
            out.write(e.weights(), 0, e.weights().length);
            out.write(e.sections(), 0, e.sections().length);
            previous = e.key();
        }
        return out.toByteArray();
    }

    static TermShard decode(byte[] bytes) {
        Reader in = new Reader(bytes);
        int count = in.varint();
        String[] keys = new String[count];
        String[] stems = new String[count];
        int[][] docs = new int[count][];
        byte[][] weights = new byte[count][];
        byte[][] sections = new byte[count][];
        String previous = "";
        for (int i = 0; i < count; i++) {
            int shared = in.varint();
            String key = previous.substring(0, shared) + in.string();
            keys[i] = key;
            int redirect = in.varint();
            if (redirect > 0) stems[i] = key.substring(0, redirect - 1) + in.string();
            int df = in.varint();
            int[] d = new int[df];
            int last = 0;
            for (int k = 0; k < df; k++) {
                last += in.varint();
                d[k] = last;
            }
            docs[i] = d;
            weights[i] = in.bytes(df);
            sections[i] = in.bytes(df);
            previous = key;
        }
        return new TermShard(keys, stems, docs, weights, sections);
    }

    /** The index of {@code key}, or -(insertion point) - 1 as {@link java.util.Arrays#binarySearch} does. */
    int find(String key) {
        return Arrays.binarySearch(keys, key);
    }

    private static void varint(Out out, int value) {
        while ((value & ~0x7f) != 0) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static void string(Out out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(out, b.length);
        out.write(b, 0, b.length);
    }

    /**
     * The bytes of one file as they are written. ByteArrayOutputStream's methods are synchronized, and a varint is
     * written a byte at a time: at 10,000 pages those locks were 1.5% of a build's samples.
     */
    private static final class Out {
        private byte[] b = new byte[4096];
        private int size;

        void write(int value) {
            if (size == b.length) b = Arrays.copyOf(b, size * 2);
            b[size++] = (byte) value;
        }

        void write(byte[] bytes, int off, int len) {
            if (size + len > b.length) b = Arrays.copyOf(b, Math.max(size * 2, size + len));
            System.arraycopy(bytes, off, b, size, len);
            size += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(b, size);
        }
    }

    private static final class Reader {
        private final byte[] b;
        private int at;

        Reader(byte[] b) {
            this.b = b;
        }

        int varint() {
            int value = 0;
            int shift = 0;
            while (true) {
                int x = b[at++] & 0xff;
                value |= (x & 0x7f) << shift;
                if (x < 0x80) return value;
                shift += 7;
            }
        }

        String string() {
            int n = varint();
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        byte[] bytes(int n) {
            byte[] out = Arrays.copyOfRange(b, at, at + n);
            at += n;
            return out;
        }
    }
}
