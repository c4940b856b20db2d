/**
 * Demo data loaded on first start (switch off with {@code GERAI_DEMO=false}): five tenants with
 * realistic agencies and service points, and a demo account for every role (listed in the README).
 * Everything goes through the other modules' public APIs, so it is validated and audited like any change.
 */
package id.gerai.demo;
