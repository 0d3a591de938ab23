/**
 * Admin: the operators' REST API under {@code /v1/realtime/admin} (connections, kicks, per-project figures) and
 * its security — BASIC authentication over the {@code realtime.admin.users} accounts, role {@code realtime-admin}.
 * The admin page ({@code /admin/}) is a static client of this API.
 */
package io.indobase.realtime.admin;
