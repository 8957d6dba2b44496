package org.morgue.alert;

import org.morgue.system.NotFoundException;

/**
 * No saved search of this id belongs to the user: another user's is as unknown as one
 * that never was.
 */
public class SavedSearchNotFoundException extends NotFoundException {

	public SavedSearchNotFoundException(long id) {
		super("There is no saved search " + id + " of yours.");
	}

}
