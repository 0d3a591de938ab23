/** What every HTTP API of the application shares: RFC 9457 problem responses. */
package io.indobase.realtime.http;
