package org.mercurymq.common.config;

/** An invalid configuration value; the message names the key and says what was expected. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
