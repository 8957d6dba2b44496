/**
 * Accounts, roles and personal API tokens, and how every request proves who it comes
 * from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Users")
package org.morgue.user;
