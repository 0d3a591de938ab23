/**
 * The servers' side of a run: nginx with nchan started and stopped, CPU and memory of server processes from /proc,
 * a JVM's heap after GC over JMX, CPU pinning, and S0, the write floor no server can beat. Called by the suite.
 */
package io.indobase.realtime.bench.server;
