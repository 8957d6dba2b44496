/**
 * Notes on passages of articles, stored as W3C Web Annotations (a quote and a position
 * over the article's cleaned body), re-anchored by their quote when an editor corrects
 * the text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Annotations",
		allowedDependencies = { "article", "system" })
package org.morgue.annotation;
