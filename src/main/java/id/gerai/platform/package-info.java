/**
 * Shared kernel and infrastructure every module stands on: the database (embedded or external, connected
 * as a role that row-level security binds), the tenant context, typed ids, web error handling and i18n.
 * It is an open module: it holds no domain state of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package id.gerai.platform;
