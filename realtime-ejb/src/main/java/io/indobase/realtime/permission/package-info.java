/**
 * Permissions: Appwrite roles, the read roles of an event parsed from its permission strings, and the test that
 * decides whether a connection may read an event. Pure functions, called by the envelope decoder and the registry.
 */
package io.indobase.realtime.permission;
