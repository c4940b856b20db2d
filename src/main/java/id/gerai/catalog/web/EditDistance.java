package id.gerai.catalog.web;

/** Edit distance for typo correction, where swapped neighbours ("skkc" for "skck") are the commonest slip. */
final class EditDistance {

    private EditDistance() {
    }

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions and transpositions of two
     * neighbouring letters each count one. Stops early and answers {@code limit + 1} once the distance
     * must exceed {@code limit}.
     */
    static int between(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int n = a.length();
        int m = b.length();
        int[] twoBack = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, twoBack[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = twoBack;
            twoBack = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[m], limit + 1);
    }

    /** How many slips a word of this length may hold and still be corrected: none below four letters. */
    static int allowedFor(String word) {
        int n = word.length();
        if (n < 4) {
            return 0;
        }
        if (n <= 5) {
            return 1;
        }
        return n <= 9 ? 2 : 3;
    }
}
