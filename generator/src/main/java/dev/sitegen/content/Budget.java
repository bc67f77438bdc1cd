package dev.sitegen.content;

/**
 * The text as flexmark reads it, counting every character read. Flexmark reads most text a few times, but some
 * shapes make it read a paragraph once per link or reference in it, and a reference used thousands of times is
 * copied as often: past {@link #PER_CHAR} reads per character (plus a fixed allowance) it gives up.
 */
final class Budget {
    static final int PER_CHAR = 64;
    static final long BASE = 32_000_000;
    private long left;

    Budget(int length) {
        left = BASE + (long) PER_CHAR * length;
    }

    /** Thrown by a read past the budget; {@code offset} is where in the body it was reading, or -1 elsewhere. */
    static final class Exhausted extends RuntimeException {
        final int offset;

        Exhausted(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    /** The body, read against this budget; {@code chars} holds the same characters. */
    CharSequence wrap(String body, char[] chars) {
        return new Counted(body, chars, 0, body.length(), true);
    }

    /** The characters of a body made by {@link #wrap}, given its sequences' base object; null for anything else. */
    static char[] chars(Object base) {
        return base instanceof Counted c && c.body && c.start == 0 ? c.chars : null;
    }

    /**
     * Counts {@code reads} reads of a body made by {@link #wrap}, given its sequences' base object, as that many
     * {@code charAt} calls would; false, counting nothing, where they would exhaust the budget (the caller then reads
     * one character at a time, so that the reading fails where it would have).
     */
    static boolean charge(Object base, int reads) {
        return base instanceof Counted c && c.charge(reads);
    }

    /** A URL made for the page (not a part of the body), read against this budget. */
    CharSequence wrapUrl(String url) {
        return new Counted(url, url.toCharArray(), 0, url.length(), false);
    }

    /** Reads come from a char[] (String.charAt checks its encoding and bounds on every call); copies from the String. */
    private final class Counted implements CharSequence {
        private final String text;
        private final char[] chars;
        private final int start;
        private final int end;
        private final boolean body;

        Counted(String text, char[] chars, int start, int end, boolean body) {
            this.text = text;
            this.chars = chars;
            this.start = start;
            this.end = end;
            this.body = body;
        }

        @Override
        public int length() {
            return end - start;
        }

        boolean charge(int reads) {
            if (left - reads < 0) return false;
            left -= reads;
            return true;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) throw new Exhausted(body ? start + index : -1);
            return chars[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new Counted(text, chars, start + from, start + to, body);
        }

        @Override
        public String toString() {
            left -= length();
            if (left < 0) throw new Exhausted(body ? start : -1);
            return text.substring(start, end);
        }
    }
}
