package io.claimdesk.policy;

import java.util.Locale;
import java.util.Set;

/** What a language's typography or grammar asks of a text once its words are chosen. */
final class Typography {

    /** Italian words that elide before a vowel: "il" becomes "l'", the others take "l'" ("al" becomes "all'"). */
    private static final Set<String> ELIDING = Set.of("il", "al", "dal", "del", "nel", "sul");

    private Typography() {
    }

    /**
     * French puts a no-break space before ":" and a narrow no-break space before ";", "?" and "!", so that none of
     * them can start a line. The files write a plain space; this is the one place that knows the rule.
     */
    static String french(String text) {
        return text.replace(" :", "\u00a0:").replace(" ;", "\u202f;").replace(" ?", "\u202f?").replace(" !", "\u202f!");
    }

    /**
     * Italian elides an article before a day read with a vowel ("otto", "undici"): "dal 13 marzo all'8 giugno",
     * "l'11 maggio". {@code out} ends with what comes before the date; the first of the month is written "1º"
     * ("primo") and takes no elision.
     */
    static void elideBeforeDay(StringBuilder out, String date) {
        if (!(date.startsWith("8 ") || date.startsWith("11 ")) || out.length() < 3 || out.charAt(out.length() - 1) != ' ') {
            return;
        }
        int start = out.lastIndexOf(" ", out.length() - 2) + 1;
        String word = out.substring(start, out.length() - 1);
        String lower = word.toLowerCase(Locale.ITALIAN);
        if (!ELIDING.contains(lower)) {
            return;
        }
        String elided = lower.equals("il") ? "l'" : lower + "l'";
        if (Character.isUpperCase(word.charAt(0))) {
            elided = Character.toUpperCase(elided.charAt(0)) + elided.substring(1);
        }
        out.replace(start, out.length(), elided);
    }
}
