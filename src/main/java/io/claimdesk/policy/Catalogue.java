package io.claimdesk.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of one language, as its file {@code messages_<variant>.properties} writes them: a variant is a
 * language code ({@code fr}) or a language with its region ({@code en_GB}, whose file holds only what differs from
 * {@code en}). Each file is read on first use and kept, so a cold start reads only the one or two files its
 * answer speaks, once. A file that lacks a message or a term fails as it is read; a text that names an argument
 * its message does not have fails when it is first used. Tests use every text of every file.
 */
final class Catalogue {

    private static final String TERM = "term.";
    private static final Map<String, Catalogue> LOADED = new ConcurrentHashMap<>();

    private final String variant;
    private final Language language;
    private final Map<Glossary, String> terms = new EnumMap<>(Glossary.class);
    /** Each message's text as its file writes it; cut into a {@link Template} the first time it is used. */
    private final String[] texts = new String[Message.values().length];
    private final Template[] templates = new Template[texts.length];

    private Catalogue(String variant) {
        String base = variant.contains("_") ? variant.substring(0, variant.indexOf('_')) : variant;
        Language language = Language.ofCode(base).orElse(null);
        if (language == null) {
            throw new IllegalStateException("no language " + base);
        }
        Properties texts = properties(base);
        if (!variant.equals(base)) {
            Properties region = properties(variant);
            for (String key : region.stringPropertyNames()) {
                if (texts.getProperty(key) == null) {
                    throw new IllegalStateException(file(variant) + " has " + key + ", which " + file(base) + " lacks");
                }
                texts.setProperty(key, region.getProperty(key));
            }
        }
        this.variant = variant;
        this.language = language;
        for (Glossary term : Glossary.values()) {
            terms.put(term, required(texts, TERM + term.name(), variant));
        }
        for (Message message : Message.values()) {
            this.texts[message.ordinal()] = required(texts, message.name(), variant);
        }
    }

    /** The texts of {@code language} in its home variant ({@code en}: the United States). */
    static Catalogue of(Language language) {
        return of(language.code());
    }

    /** The texts a reader on a marketplace reads: {@link Wording#texts()}. */
    static Catalogue of(Wording wording) {
        return of(wording.texts());
    }

    private static Catalogue of(String variant) {
        Catalogue loaded = LOADED.get(variant);
        return loaded != null ? loaded : LOADED.computeIfAbsent(variant, Catalogue::read);
    }

    /** The texts of {@code variant} read anew, whatever was read before. */
    static Catalogue read(String variant) {
        return new Catalogue(variant);
    }

    boolean has(Message message) {
        return texts[message.ordinal()] != null;
    }

    /**
     * The message's template, cut on first use: an answer uses a dozen of the messages, so a cold start cuts a
     * dozen. Two threads may both cut one; they cut the same, and a template's fields are final.
     */
    Template template(Message message) {
        Template template = templates[message.ordinal()];
        if (template == null) {
            String text = resolve(texts[message.ordinal()]);
            template = Template.parse(message, language == Language.FR ? Typography.french(text) : text, variant);
            templates[message.ordinal()] = template;
        }
        return template;
    }

    String term(Glossary term) {
        return terms.get(term);
    }

    /** {@code text} with each {@code {TERM}} replaced by this language's name for it; an unknown term is an error. */
    String resolve(String text) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int from = 0;
        for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', from)) {
            int close = text.indexOf('}', open);
            if (close < 0) {
                break;
            }
            String name = text.substring(open + 1, close);
            out.append(text, from, open);
            if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
                out.append(terms.get(Glossary.valueOf(name)));
            } else {
                out.append(text, open, close + 1);
            }
            from = close + 1;
        }
        return out.append(text, from, text.length()).toString();
    }

    static String file(String variant) {
        return "messages_" + variant + ".properties";
    }

    private static Properties properties(String variant) {
        Properties texts = new Properties();
        try (InputStream in = Catalogue.class.getResourceAsStream(file(variant))) {
            if (in == null) {
                throw new IllegalStateException(file(variant) + " is missing");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static String required(Properties texts, String key, String variant) {
        String text = texts.getProperty(key);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(file(variant) + " has no text for " + key);
        }
        return text;
    }

    /**
     * One message's text, cut where its arguments go: {@code literals[i]} comes before the argument numbered
     * {@code slots[i]}, the last literal after the last argument.
     */
    static final class Template {
        private final Message message;
        private final String text;
        private final String[] literals;
        private final int[] slots;

        private Template(Message message, String text, String[] literals, int[] slots) {
            this.message = message;
            this.text = text;
            this.literals = literals;
            this.slots = slots;
        }

        /** Cut by scanning for braces, not with a regex: cold code runs interpreted, and a regex costs there. */
        static Template parse(Message message, String text, String variant) {
            List<Param> params = message.params();
            List<String> literals = new ArrayList<>();
            int[] slots = new int[params.size() * 2];
            int count = 0;
            int from = 0;
            for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', from)) {
                int close = text.indexOf('}', open);
                if (close < 0) {
                    break;
                }
                String name = text.substring(open + 1, close);
                int slot = indexOf(params, name);
                if (slot < 0) {
                    throw new IllegalStateException(file(variant) + ": " + message + " has no argument {" + name + "}");
                }
                literals.add(text.substring(from, open));
                if (count == slots.length) {
                    slots = Arrays.copyOf(slots, count * 2 + 1);
                }
                slots[count++] = slot;
                from = close + 1;
            }
            literals.add(text.substring(from));
            return new Template(message, text, literals.toArray(new String[0]), Arrays.copyOf(slots, count));
        }

        private static int indexOf(List<Param> params, String name) {
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** The text as its file writes it, terms in place, {@code {name}} where each argument goes. */
        String text() {
            return text;
        }

        /** The text with each argument formatted for {@code wording}; one missing from {@code values} stays {@code {name}}. */
        String render(List<String> values, Wording wording) {
            StringBuilder out = new StringBuilder(text.length() + 32);
            for (int i = 0; i < slots.length; i++) {
                out.append(literals[i]);
                Param param = message.params().get(slots[i]);
                if (slots[i] >= values.size()) {
                    out.append('{').append(param.name()).append('}');
                    continue;
                }
                String value = param.type().format(String.valueOf(values.get(slots[i])), wording);
                if (param.type() == Arg.DATE && wording.language() == Language.IT) {
                    Typography.elideBeforeDay(out, value);
                }
                out.append(value);
            }
            return out.append(literals[slots.length]).toString();
        }
    }
}
