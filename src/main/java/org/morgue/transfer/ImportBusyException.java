package org.morgue.transfer;

import org.morgue.system.WorkProgress;

/**
 * An import was asked for while another runs: one at a time, so that each gets the cores
 * and its progress means something.
 */
public class ImportBusyException extends RuntimeException {

	public ImportBusyException(String startedBy, WorkProgress progress) {
		super("An import started by " + startedBy + " is running (" + progress.done() + " of " + progress.total()
				+ " done). Start this one when it has finished.");
	}

}
