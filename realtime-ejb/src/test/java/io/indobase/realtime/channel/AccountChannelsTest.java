package io.indobase.realtime.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Appwrite's convertChannels and rebindAccountChannels (shared/reference/appwrite-realtime.md §3.3, §1.4). */
class AccountChannelsTest {

    @Test
    void unknownChannelsPassThroughAndSomeoneElsesAccountIsDropped() {
        assertEquals(List.of("files.1", "collections.1.documents", "tables.2.rows.2", "account", "account.u1"),
                AccountChannels.convert(List.of("files.1", "collections.1.documents", "tables.2.rows.2", "account",
                        "account.123"), "u1"));
    }

    @Test
    void aGuestKeepsAccountAndTheLiteralActionChannels() {
        assertEquals(List.of("account", "account.update"),
                AccountChannels.convert(List.of("account", "account.update", "account.u1"), null));
    }

    @Test
    void aUserListensToTheirOwnActionChannels() {
        assertEquals(List.of("account.u1.delete", "account.u1.update"),
                AccountChannels.convert(List.of("account.delete", "account.update", "account.u1.update"), "u1"));
    }

    @Test
    void duplicatesAreRemovedKeepingTheFirst() {
        assertEquals(List.of("files", "documents"), AccountChannels.convert(List.of("files", "documents", "files"), "u1"));
    }

    @Test
    void signingInRebindsAGuestsActionChannels() {
        assertEquals(List.of("account", "account.u1.update", "files"),
                AccountChannels.rebind(List.of("account", "account.update", "files"), null, "u1"));
    }

    @Test
    void switchingUsersMovesTheOldUsersChannels() {
        assertEquals(List.of("account.u2", "account.u2.delete", "account.u1.sessions"),
                AccountChannels.rebind(List.of("account.u1", "account.u1.delete", "account.u1.sessions"), "u1", "u2"));
    }

    @Test
    void theSameUserOrNoUserChangesNothing() {
        List<String> channels = List.of("account.u1", "account.update");
        assertEquals(channels, AccountChannels.rebind(channels, "u1", "u1"));
        assertEquals(channels, AccountChannels.rebind(channels, "u1", null));
    }
}
