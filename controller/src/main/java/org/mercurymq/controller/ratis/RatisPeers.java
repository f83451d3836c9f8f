package org.mercurymq.controller.ratis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.mercurymq.common.config.ConfigException;

/**
 * Parses {@code controllerRatisPeers} ({@code n0-host:port;n1-host:port}) into a Raft group whose id is derived
 * from the group name, so every peer computes the same id. Immutable.
 */
public final class RatisPeers {
    private final String text;
    private final List<RaftPeer> peers;
    private final RaftGroup group;

    private RatisPeers(String text, List<RaftPeer> peers, RaftGroup group) {
        this.text = text;
        this.peers = peers;
        this.group = group;
    }

    /** Throws ConfigException naming the bad entry. */
    public static RatisPeers parse(String groupName, String text) {
        List<RaftPeer> peers = new ArrayList<>();
        for (String raw : text.split(";")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int dash = entry.indexOf('-');
            int colon = entry.lastIndexOf(':');
            if (dash <= 0 || colon < dash + 2 || colon == entry.length() - 1) {
                throw new ConfigException("controllerRatisPeers: '" + entry + "' is not id-host:port");
            }
            try {
                int port = Integer.parseInt(entry.substring(colon + 1));
                if (port <= 0 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ConfigException("controllerRatisPeers: '" + entry + "' has an invalid port");
            }
            String id = entry.substring(0, dash);
            if (peers.stream().anyMatch(p -> p.getId().toString().equals(id))) {
                throw new ConfigException("controllerRatisPeers: peer id " + id + " appears twice");
            }
            peers.add(RaftPeer.newBuilder().setId(id).setAddress(entry.substring(dash + 1)).build());
        }
        if (peers.isEmpty()) {
            throw new ConfigException("controllerRatisPeers is empty");
        }
        RaftGroupId groupId = RaftGroupId.valueOf(UUID.nameUUIDFromBytes(groupName.getBytes(StandardCharsets.UTF_8)));
        return new RatisPeers(text.trim(), Collections.unmodifiableList(peers), RaftGroup.valueOf(groupId, peers));
    }

    public RaftGroup group() {
        return group;
    }

    public List<RaftPeer> peers() {
        return peers;
    }

    /** The peer with this id; throws ConfigException if it is not listed. */
    public RaftPeer peer(String id) {
        return peers.stream().filter(p -> p.getId().equals(RaftPeerId.valueOf(id))).findFirst()
            .orElseThrow(() -> new ConfigException("controllerRatisSelfId " + id + " is not in controllerRatisPeers "
                + text));
    }

    @Override
    public String toString() {
        return text;
    }
}
