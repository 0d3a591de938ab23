package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedChannelSetsTest {

    @Test
    void equalSetsAreOneInstance() {
        SharedChannelSets table = new SharedChannelSets(8);
        Set<String> first = table.of(Set.copyOf(List.of("files", "buckets.b1.files")));

        Set<String> second = table.of(Set.of("buckets.b1.files", "files"));

        assertSame(first, second);
        assertEquals(Set.of("files", "buckets.b1.files"), second);
    }

    @Test
    void pastTheBoundEachKeepsItsOwn() {
        SharedChannelSets table = new SharedChannelSets(2);
        table.of(Set.of("files"));
        table.of(Set.of("documents"));
        Set<String> late = Set.of("teams");

        assertSame(late, table.of(late));
        Set<String> equalToLate = Set.of("teams");
        assertSame(equalToLate, table.of(equalToLate), "a full table keeps no new set, so an equal one is not shared");
        assertSame(table.of(Set.of("files")), table.of(Set.of("files")));
    }

    @Test
    void largeSetsAreNotKept() {
        SharedChannelSets table = new SharedChannelSets(8);
        Set<String> many = Set.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        Set<String> long1 = Set.of("documents." + "x".repeat(SharedChannelSets.MAX_CHARS));

        assertSame(many, table.of(many));
        assertNotSame(many, table.of(Set.copyOf(new HashSet<>(many))));
        assertSame(long1, table.of(long1));
        assertNotSame(long1, table.of(Set.copyOf(new HashSet<>(long1))));
    }
}
