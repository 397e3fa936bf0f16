package io.claimdesk.functions;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which optional fields an omitted-fields test leaves out: every subset of them (the power set), or, where that
 * is too many, a pairwise set (every two fields are seen present together, absent together and each without
 * the other). A field inside an object is named by its path, {@code "shipment.carrier"}.
 */
final class Omissions {

    private Omissions() {
    }

    /** Every subset of {@code fields}, the empty one (nothing left out) first. */
    static List<Set<String>> powerSet(List<String> fields) {
        if (fields.size() > 16) {
            throw new IllegalArgumentException("too many fields for a power set: " + fields.size());
        }
        List<Set<String>> all = new ArrayList<>();
        for (int mask = 0; mask < 1 << fields.size(); mask++) {
            Set<String> left = new TreeSet<>();
            for (int i = 0; i < fields.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    left.add(fields.get(i));
                }
            }
            all.add(left);
        }
        return all;
    }

    /**
     * Subsets of {@code fields} such that for every two fields all four combinations (both present, both left
     * out, each left out without the other) occur: nothing left out and everything left out, then, greedily, the
     * subset that covers most combinations not seen yet (deterministic). The result is checked before it is returned.
     */
    static List<Set<String>> pairwise(List<String> fields) {
        int n = fields.size();
        if (n > 16) {
            throw new IllegalArgumentException("too many fields: " + n);
        }
        List<Integer> rows = new ArrayList<>(List.of(0, (1 << n) - 1));
        BitSet uncovered = new BitSet();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int combination = 0; combination < 4; combination++) {
                    uncovered.set(pairIndex(n, i, j, combination));
                }
            }
        }
        rows.forEach(row -> cover(uncovered, n, row));
        while (!uncovered.isEmpty()) {
            int best = -1;
            int bestCount = 0;
            for (int row = 0; row < 1 << n; row++) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        if (uncovered.get(pairIndex(n, i, j, combination(row, i, j)))) {
                            count++;
                        }
                    }
                }
                if (count > bestCount) {
                    best = row;
                    bestCount = count;
                }
            }
            rows.add(best);
            cover(uncovered, n, best);
        }
        List<Set<String>> subsets = new ArrayList<>();
        for (int row : new LinkedHashSet<>(rows)) {
            Set<String> left = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                if ((row & 1 << i) != 0) {
                    left.add(fields.get(i));
                }
            }
            subsets.add(left);
        }
        requirePairwise(fields, subsets);
        return subsets;
    }

    private static int combination(int row, int i, int j) {
        return ((row >> i) & 1) * 2 + ((row >> j) & 1);
    }

    private static int pairIndex(int n, int i, int j, int combination) {
        return (i * n + j) * 4 + combination;
    }

    private static void cover(BitSet uncovered, int n, int row) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                uncovered.clear(pairIndex(n, i, j, combination(row, i, j)));
            }
        }
    }

    /** Fails unless every two fields are seen in all four combinations across {@code subsets}. */
    static void requirePairwise(List<String> fields, List<Set<String>> subsets) {
        for (String a : fields) {
            for (String b : fields) {
                if (a.compareTo(b) >= 0) {
                    continue;
                }
                for (boolean aLeft : new boolean[] {false, true}) {
                    for (boolean bLeft : new boolean[] {false, true}) {
                        boolean seen = subsets.stream().anyMatch(s -> s.contains(a) == aLeft && s.contains(b) == bLeft);
                        if (!seen) {
                            throw new AssertionError("pairwise set misses " + a + (aLeft ? " left out" : " present") + " with "
                                    + b + (bLeft ? " left out" : " present"));
                        }
                    }
                }
            }
        }
    }

    /** {@code event} with the fields named by {@code paths} removed (a path goes one object down: "claim.outcome"). */
    static ObjectNode without(ObjectNode event, Set<String> paths) {
        ObjectNode copy = event.deepCopy();
        for (String path : paths) {
            int dot = path.indexOf('.');
            if (dot < 0) {
                copy.remove(path);
            } else if (copy.get(path.substring(0, dot)) instanceof ObjectNode inner) {
                inner.remove(path.substring(dot + 1));
            }
        }
        return copy;
    }

    /** True when {@code paths} leaves out {@code field} itself or the object it is in. */
    static boolean leftOut(Set<String> paths, String field) {
        int dot = field.indexOf('.');
        return paths.contains(field) || dot > 0 && paths.contains(field.substring(0, dot));
    }
}
