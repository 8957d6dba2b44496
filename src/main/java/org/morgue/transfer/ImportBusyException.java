package org.morgue.transfer;

import org.morgue.system.WorkProgress;

/**
 * An import was asked for while another runs, on this archive node or another on the same
 * database: one at a time, so that each gets the cores and its progress means something.
 */
public class ImportBusyException extends RuntimeException {

	public ImportBusyException(String startedBy, WorkProgress progress) {
		super("An import started by " + startedBy + " is running (" + progress.done() + " of " + progress.total()
				+ " done). Start this one when it has finished.");
	}

	/** An import another archive node runs. */
	public ImportBusyException(String startedBy, String node) {
		super("An import " + ((startedBy != null) ? "started by " + startedBy + " " : "") + "is running on node " + node
				+ ". Start this one when it has finished.");
	}

}
