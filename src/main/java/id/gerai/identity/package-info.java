/**
 * Accounts ("satu akun" for citizens across the installation), credentials, roles held per tenant and
 * agency, login with throttling, password reset, and the citizen profile with its validated NIK.
 */
package id.gerai.identity;
