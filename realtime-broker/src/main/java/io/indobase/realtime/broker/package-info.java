/**
 * The embedded broker of the single-machine default. Deployed as its own small WAR before the realtime WAR so
 * that the product WAR and the EAR stay free of broker code; production uses a standalone or clustered broker.
 */
package io.indobase.realtime.broker;
