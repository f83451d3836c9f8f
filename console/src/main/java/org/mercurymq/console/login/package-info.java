/**
 * The console's optional login ({@code -Dconsole.login.enabled=true}, docs/console.md "Login"): the users file with
 * PBKDF2 password hashes and two roles, the server-side sessions behind the cookie, and the gate in front of the
 * JSON API that asks for a session on every call and the admin role on every write.
 */
package org.mercurymq.console.login;
