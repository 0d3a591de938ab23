package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
        assertSame(late, table.of(late));
        assertSame(table.of(Set.of("files")), table.of(Set.of("files")));
    }
}
