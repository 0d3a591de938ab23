package io.indobase.realtime.transport.protocol;

import static io.indobase.realtime.json.JsonKit.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subscriptions a handshake URL asks for, as Appwrite's {@code constructSubscriptions} reads them: every
 * {@code channels[]} value is a channel; a channel without query parameters joins slot 0, which then selects
 * everything; a channel with {@code <channel>[<slot>][]=<query>} parameters joins each slot it names, and the first
 * channel to give a slot queries sets them. The parameter name is the channel with dots replaced by underscores, as
 * PHP clients must send it; the dotted name is accepted too.
 */
public final class UrlSubscriptions {

    /** {@code name}, {@code name[]}, {@code name[3]}, {@code name[3][]}. */
    private static final Pattern SLOT_PARAMETER = Pattern.compile("^(.+?)(?:\\[(\\d{0,4})\\](?:\\[\\])?)?$");
    public static final String CHANNELS = "channels[]";
    private static final String PROJECT = "project";

    /** One slot: the channels that named it and the queries of the first channel that gave it queries. */
    public record Slot(int index, List<String> channels, List<String> queries) {
    }

    private UrlSubscriptions() {
    }

    /** @return the slots in index order; empty when the URL names no channel (message mode) */
    public static List<Slot> of(Map<String, List<String>> parameters) {
        List<String> channels = new ArrayList<>(new LinkedHashSet<>(parameters.getOrDefault(CHANNELS, List.of())));
        Map<String, Map<Integer, List<String>>> queriesByChannel = slotParameters(parameters);
        TreeMap<Integer, Set<String>> slotChannels = new TreeMap<>();
        TreeMap<Integer, List<String>> slotQueries = new TreeMap<>();
        for (String channel : channels) {
            Map<Integer, List<String>> slots = queriesByChannel.get(channel.replace('.', '_'));
            if (slots == null) {
                slots = queriesByChannel.get(channel);
            }
            if (slots == null || slots.isEmpty()) {
                slotChannels.computeIfAbsent(0, i -> new LinkedHashSet<>()).add(channel);
                List<String> existing = slotQueries.computeIfAbsent(0, i -> new ArrayList<>());
                if (existing.isEmpty()) {
                    existing.add(SubscriptionQueries.SELECT_ALL); // Appwrite pins slot 0 here: later slot-0 queries are ignored
                }
                continue;
            }
            slots.forEach((index, queries) -> {
                slotChannels.computeIfAbsent(index, i -> new LinkedHashSet<>()).add(channel);
                List<String> existing = slotQueries.computeIfAbsent(index, i -> new ArrayList<>());
                if (existing.isEmpty()) {
                    existing.addAll(queries);
                }
            });
        }
        List<Slot> result = new ArrayList<>();
        slotChannels.forEach((index, names) ->
                result.add(new Slot(index, List.copyOf(names), List.copyOf(slotQueries.get(index)))));
        return result;
    }

    /** Parameter base name (as sent) to slot index to query strings, for every parameter shaped like a slot. */
    private static Map<String, Map<Integer, List<String>>> slotParameters(Map<String, List<String>> parameters) {
        Map<String, Map<Integer, List<String>>> byName = new TreeMap<>();
        parameters.forEach((key, values) -> {
            Matcher m = SLOT_PARAMETER.matcher(key);
            if (key.equals(CHANNELS) || key.equals(PROJECT) || !m.matches()) {
                return; // a plain project=<id> is the project, never the queries of a channel named "project"
            }
            String name = m.group(1);
            int slot = m.group(2) == null || m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
            byName.computeIfAbsent(name, n -> new TreeMap<>())
                    .computeIfAbsent(slot, s -> new ArrayList<>()).addAll(values);
        });
        return byName;
    }

    /**
     * The subscription id of each slot as {@code connected} lists them: a list when the slots are 0..n-1, as PHP
     * would encode them, else an object.
     */
    public static JsonValue ids(List<Slot> slots, List<String> ids) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        JsonObjectBuilder object = JSON.createObjectBuilder();
        boolean contiguous = true;
        for (int i = 0; i < slots.size(); i++) {
            list.add(ids.get(i));
            object.add(Integer.toString(slots.get(i).index()), ids.get(i));
            contiguous &= slots.get(i).index() == i;
        }
        return contiguous ? list.build() : object.build();
    }

    /**
     * A subscription id: a name within one connection, not a secret, so no SecureRandom (whose shared lock hundreds
     * of concurrent handshakes queued on, in the benchmark's profile).
     */
    public static String newId() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
