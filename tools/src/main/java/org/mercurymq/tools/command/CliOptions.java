package org.mercurymq.tools.command;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/** Shorthands for declaring and reading commons-cli options the way every command does. Stateless. */
public final class CliOptions {
    private CliOptions() {
    }

    /** Adds {@code -opt,--longOpt <arg>}. */
    public static Options arg(Options options, String opt, String longOpt, String desc, boolean required) {
        Option o = new Option(opt, longOpt, true, desc);
        o.setRequired(required);
        return options.addOption(o);
    }

    /** Adds the flag {@code -opt,--longOpt}. */
    public static Options flag(Options options, String opt, String longOpt, String desc) {
        return options.addOption(new Option(opt, longOpt, false, desc));
    }

    /** Adds exactly-one-of {@code a | b}, both with an argument. */
    public static Options oneOf(Options options, Option a, Option b) {
        OptionGroup g = new OptionGroup();
        g.addOption(a);
        g.addOption(b);
        g.setRequired(true);
        return options.addOptionGroup(g);
    }

    public static Option withArg(String opt, String longOpt, String desc) {
        return new Option(opt, longOpt, true, desc);
    }

    /** The trimmed value, or null when absent. */
    public static String value(CommandLine line, String opt) {
        String v = line.getOptionValue(opt);
        return v == null ? null : v.trim();
    }

    public static int intValue(CommandLine line, String opt, int dflt) throws SubCommandException {
        String v = value(line, opt);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new SubCommandException("option -" + opt + " needs a whole number, got '" + v + "'");
        }
    }

    public static long longValue(CommandLine line, String opt, long dflt) throws SubCommandException {
        String v = value(line, opt);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SubCommandException("option -" + opt + " needs a whole number, got '" + v + "'");
        }
    }

    /** {@code true}/{@code false} (any case); anything else is an error. */
    public static boolean boolValue(CommandLine line, String opt, boolean dflt) throws SubCommandException {
        String v = value(line, opt);
        if (v == null) {
            return dflt;
        }
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw new SubCommandException("option -" + opt + " needs true or false, got '" + v + "'");
    }
}
