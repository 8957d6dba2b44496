/**
 * The versioned JSON API under {@code /api/v1}: articles in and out, users and tokens,
 * with errors as RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API")
package org.morgue.api;
