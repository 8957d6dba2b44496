package org.morgue;

import org.morgue.backup.BackupCommand;
import org.morgue.transfer.ArchiveCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Morgue, a self-hosted news-article archive.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MorgueApplication {

	/**
	 * Starts the archive, or runs one of its commands ({@code import PATH...},
	 * {@code export FILE}, {@code backup FILE}, {@code restore FILE}) and exits.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && BackupCommand.isCommand(args[0])) {
			System.exit(BackupCommand.run(args, System.out, System.err));
		}
		if (args.length > 0 && ArchiveCommand.isCommand(args[0])) {
			System.exit(ArchiveCommand.run(MorgueApplication.class, args, System.out, System.err));
		}
		SpringApplication.run(MorgueApplication.class, args);
	}

}
