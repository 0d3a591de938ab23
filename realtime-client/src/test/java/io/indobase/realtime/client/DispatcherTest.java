package io.indobase.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private final List<RealtimeException> errors = new CopyOnWriteArrayList<>();
    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void onError(RealtimeException error) {
            errors.add(error);
        }
    };

    @Test
    void aFullQueueStopsReadingUntilTheListenerHasTakenHalfOfIt() throws Exception {
        Dispatcher dispatcher = new Dispatcher(4, listener, "test-listener");
        CountDownLatch gate = new CountDownLatch(1);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch resumed = new CountDownLatch(1);
        assertTrue(dispatcher.event(() -> await(gate)), "room for the second");
        assertTrue(dispatcher.event(() -> seen.add(2)));
        assertTrue(dispatcher.event(() -> seen.add(3)));
        assertFalse(dispatcher.event(() -> seen.add(4)), "the fourth fills it");
        assertTrue(dispatcher.paused());
        dispatcher.whenRoom(resumed::countDown);
        assertEquals(1, resumed.getCount(), "no reading while the listener is stuck");
        gate.countDown();
        assertTrue(resumed.await(5, TimeUnit.SECONDS), "reading again once half is taken");
        dispatcher.close(5000);
        assertEquals(List.of(2, 3, 4), seen, "in order");
        assertFalse(dispatcher.paused());
    }

    @Test
    void whenRoomRunsAtOnceWhileThereIsRoom() {
        Dispatcher dispatcher = new Dispatcher(2, listener, "test-listener");
        boolean[] ran = {false};
        dispatcher.whenRoom(() -> ran[0] = true);
        assertTrue(ran[0]);
        dispatcher.close(5000);
    }

    @Test
    void aFailingListenerIsReportedAndTheNextEventsStillArrive() throws Exception {
        Dispatcher dispatcher = new Dispatcher(8, listener, "test-listener");
        CountDownLatch next = new CountDownLatch(1);
        dispatcher.event(() -> {
            throw new IllegalStateException("listener bug");
        });
        dispatcher.event(next::countDown);
        assertTrue(next.await(5, TimeUnit.SECONDS));
        dispatcher.close(5000);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getMessage().contains("listener bug"), errors.get(0).getMessage());
    }

    @Test
    void closeDeliversWhatIsQueuedFirst() {
        Dispatcher dispatcher = new Dispatcher(8, listener, "test-listener");
        List<Integer> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            dispatcher.event(() -> seen.add(n));
        }
        dispatcher.control(() -> seen.add(99));
        dispatcher.close(5000);
        assertEquals(List.of(0, 1, 2, 3, 4, 99), seen);
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
