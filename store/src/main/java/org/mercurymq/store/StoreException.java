package org.mercurymq.store;

/** The store cannot do what was asked because of its files (bad layout, I/O failure, lock held). */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
