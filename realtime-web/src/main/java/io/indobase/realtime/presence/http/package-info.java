/**
 * The HTTP list of presences: a thin boundary over {@link io.indobase.realtime.presence.Presences}. Who the caller
 * is comes from one method of the servlet, which the deployment's credential sources replace.
 */
package io.indobase.realtime.presence.http;
