/**
 * The soak's figures and how they are judged and shown: the samples taken every 10 s (server RSS, heap after GC,
 * open files, threads), the flatness verdict of each series, the SVG plot and the report's soak section (which a
 * later full run of the suite keeps). Plain values and text, no I/O: the suite's {@code Soak} runs the scenario.
 */
package io.indobase.realtime.bench.soak;
