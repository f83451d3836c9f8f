package org.mercurymq.tools.command;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One mqadmin command: its name, one-line description, options and what it does. Implementations are stateless. */
public interface SubCommand {
    String commandName();

    /** A second name the command answers to, as RocketMQ's aliases; null when none. */
    default String commandAlias() {
        return null;
    }

    String commandDesc();

    /** Adds this command's options (-n and -h are added by the startup). */
    Options buildOptions(Options options);

    /** Runs the command; prints to {@link CommandContext#out()}; expected failures are {@link SubCommandException}s. */
    void execute(CommandLine commandLine, Options options, CommandContext context) throws Exception;
}
