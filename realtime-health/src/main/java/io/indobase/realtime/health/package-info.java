/** The application's readiness check, where every server's MicroProfile Health finds it (an EAR's lib/). */
package io.indobase.realtime.health;
