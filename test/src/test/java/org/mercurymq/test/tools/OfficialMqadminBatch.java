package org.mercurymq.test.tools;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Main class of a child JVM that runs several official RocketMQ 4.9.7 mqadmin commands in a row, so a
 * comparison test pays for one JVM start instead of one per command. Arguments: a file with one command per
 * line (its words separated by tabs) and an output directory; command i prints to {@code out-i.txt} (stdout
 * and stderr together). Used through {@link OfficialMqadmin}.
 */
public final class OfficialMqadminBatch {
    private OfficialMqadminBatch() {
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        Path outDir = Paths.get(args[1]);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).split("\t", -1);
            Path outFile = outDir.resolve("out-" + i + ".txt");
            try (PrintStream out = new PrintStream(new FileOutputStream(outFile.toFile()), true, "UTF-8")) {
                System.setOut(out);
                System.setErr(out);
                try {
                    org.apache.rocketmq.tools.command.MQAdminStartup.main0(words, null);
                } catch (Throwable t) {
                    t.printStackTrace(out);
                } finally {
                    System.setOut(stdout);
                    System.setErr(stderr);
                }
            }
            // marks command i as finished, so the caller can tell a hang from an empty output
            Files.write(outDir.resolve("done-" + i), new byte[0]);
        }
        // the official tools leave non-daemon client threads behind
        System.exit(0);
    }
}
