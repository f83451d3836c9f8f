package org.mercurymq.broker.controller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code <storePathRootDir>/brokerIdentity}: {@code cluster#brokerName#id}, the controller-assigned id of this
 * store. A store carrying another cluster or broker name is refused, so a directory is never reused under a
 * different group by mistake. Not thread-safe; used during registration only.
 */
public final class BrokerIdentityFile {
    private final Path file;

    public BrokerIdentityFile(Path file) {
        this.file = file;
    }

    /** The stored id, -1 when the file does not exist; throws IllegalStateException on a foreign or garbled file. */
    public long load(String clusterName, String brokerName) {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String[] parts = text.split("#");
        if (parts.length != 3) {
            throw new IllegalStateException(file + " is not cluster#brokerName#id: '" + text + "'");
        }
        if (!parts[0].equals(clusterName) || !parts[1].equals(brokerName)) {
            throw new IllegalStateException(file + " belongs to " + parts[0] + "/" + parts[1] + ", not " + clusterName
                + "/" + brokerName + ": this store directory is another broker group's");
        }
        try {
            return Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " has an invalid id '" + parts[2] + "'");
        }
    }

    public void store(String clusterName, String brokerName, long id) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + "-temp");
            Files.write(tmp, (clusterName + "#" + brokerName + "#" + id).getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
