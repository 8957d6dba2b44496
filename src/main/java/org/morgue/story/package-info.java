/**
 * Stories and their versions: a provider's story is one article, a newer version replaces
 * its text as a correction would, every version received is kept, and kills, holds and
 * embargoes keep it from readers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stories")
package org.morgue.story;
