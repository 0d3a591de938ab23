package io.indobase.realtime.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listener thread and its bounded queue. Events count against the capacity; when it is reached, {@link #event}
 * says so and the socket stops reading until the queue is down to half ({@link #whenRoom}), so a slow listener slows
 * the socket instead of filling memory. Connection notifications are queued behind the events but never refused.
 */
final class Dispatcher {

    private static final Logger LOG = Logger.getLogger(RealtimeClient.class.getName());
    private static final Runnable STOP = () -> { };

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final int capacity;
    private final ConnectionListener listener;
    private final Thread thread;
    private final List<Runnable> waiting = new ArrayList<>();
    private int events;
    private boolean paused;

    Dispatcher(int capacity, ConnectionListener listener, String name) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the listener queue needs room for at least one event, got " + capacity);
        }
        this.capacity = capacity;
        this.listener = listener;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an event's delivery. @return false when the queue is now full: stop reading until {@link #whenRoom} */
    synchronized boolean event(Runnable delivery) {
        events++;
        tasks.add(() -> {
            try {
                delivery.run();
            } finally {
                delivered();
            }
        });
        if (events >= capacity) {
            paused = true;
        }
        return !paused;
    }

    void control(Runnable notification) {
        tasks.add(notification);
    }

    /** Runs {@code resume} once the queue has room again, at once if it has. */
    void whenRoom(Runnable resume) {
        synchronized (this) {
            if (paused) {
                waiting.add(resume);
                return;
            }
        }
        resume.run();
    }

    synchronized boolean paused() {
        return paused;
    }

    private void delivered() {
        List<Runnable> resumes;
        synchronized (this) {
            events--;
            if (!paused || events > capacity / 2) {
                return;
            }
            paused = false;
            resumes = List.copyOf(waiting);
            waiting.clear();
        }
        resumes.forEach(Runnable::run);
    }

    /** Delivers what is queued, then ends the thread; waits at most {@code millis} unless called from the thread. */
    void close(long millis) {
        tasks.add(STOP);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (true) {
            Runnable task;
            try {
                task = tasks.poll(1, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            if (task != null) {
                runGuarded(task);
            }
        }
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RT-CLI-002 a listener failed; the client goes on", e);
            try {
                listener.onError(new RealtimeException("a listener failed: " + e, e));
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "RT-CLI-002 the connection listener failed too", again);
            }
        }
    }
}
