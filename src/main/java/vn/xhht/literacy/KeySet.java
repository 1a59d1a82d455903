package vn.xhht.literacy;

import java.nio.charset.StandardCharsets;

/**
 * The persons seen so far in an import, as 64-bit hashes of (commune, code) with the line each came from, in two
 * primitive arrays: a million-row file costs ~24 MB instead of a map of strings. Two different keys sharing a
 * 64-bit hash (odds about 1 in 10^13 for a million rows) would be reported as a duplicate, never merged.
 */
final class KeySet {
    private long[] keys = new long[1 << 16];
    private int[] lines = new int[1 << 16];
    private int size;

    /** Adds the key; returns 0 if new, else the line that had it first. */
    int putIfAbsent(long communeId, String code, int line) {
        long h = hash(communeId, code);
        if (h == 0) {
            h = 1;
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0) {
            if (keys[i] == h) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = h;
        lines[i] = line;
        size++;
        return 0;
    }

    private void grow() {
        long[] k = keys;
        int[] l = lines;
        keys = new long[k.length * 2];
        lines = new int[k.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < k.length; j++) {
            if (k[j] != 0) {
                int i = (int) (k[j] ^ (k[j] >>> 32)) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k[j];
                lines[i] = l[j];
            }
        }
    }

    /** FNV-1a over the commune id and the code's UTF-8 bytes, finished with a 64-bit mix. */
    static long hash(long communeId, String code) {
        long h = 0xcbf29ce484222325L ^ communeId * 0x9E3779B97F4A7C15L;
        for (byte b : code.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
