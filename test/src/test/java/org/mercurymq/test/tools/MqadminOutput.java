package org.mercurymq.test.tools;

/** Runs Mercury's mqadmin in this JVM for tests outside this package: exit code, stdout, stderr. Immutable. */
public record MqadminOutput(int exitCode, String out, String err) {
    public static MqadminOutput run(String... args) {
        Mqadmin m = Mqadmin.run(args);
        return new MqadminOutput(m.exitCode, m.out, m.err);
    }

    @Override
    public String toString() {
        return "exit=" + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
