package org.morgue.ner;

/**
 * The kinds of entity Morgue extracts. Browsing and facets use the first three;
 * {@link #MISC} (nationalities, events, works) is reported by the analyser but not
 * browsed.
 */
public enum EntityType {

	PERSON, ORGANIZATION, LOCATION, MISC;

}
