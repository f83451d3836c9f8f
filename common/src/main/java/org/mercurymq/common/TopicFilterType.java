package org.mercurymq.common;

/** How a topic's messages are tagged; travels by name ("SINGLE_TAG") in JSON and the compressed register form. */
public enum TopicFilterType {
    SINGLE_TAG,
    MULTI_TAG
}
