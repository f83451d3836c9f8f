package org.mercurymq.tools.command.controller;

import java.util.ArrayList;
import java.util.List;
import org.mercurymq.tools.command.SubCommandException;

/** The {@code -a} option of the controller commands: one or more controller peers, {@code host:port;...}. */
final class ControllerAddrs {
    private ControllerAddrs() {
    }

    static List<String> parse(String value) throws SubCommandException {
        List<String> out = new ArrayList<>();
        for (String a : value.split(";")) {
            if (!a.isBlank()) {
                out.add(a.trim());
            }
        }
        if (out.isEmpty()) {
            throw new SubCommandException("-a needs at least one controller address, host:port[;host:port...]");
        }
        return out;
    }
}
