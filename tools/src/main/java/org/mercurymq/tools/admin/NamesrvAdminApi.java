package org.mercurymq.tools.admin;

import java.util.Properties;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.body.TopicList;
import org.mercurymq.remoting.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.AddWritePermOfBrokerResponseHeader;
import org.mercurymq.remoting.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetKVConfigRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetKVConfigResponseHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetTopicsByClusterRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.WipeWritePermOfBrokerResponseHeader;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * One method per name-server request of docs/protocol/codes.md §1.3. A null {@code namesrvAddr} means the session's
 * current name server. Thread-safe.
 */
final class NamesrvAdminApi {
    private final AdminRemoting remoting;

    NamesrvAdminApi(AdminRemoting remoting) {
        this.remoting = remoting;
    }

    ClusterInfo clusterInfo() throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callNamesrv(null, AdminRemoting.request(RequestCode.GET_BROKER_CLUSTER_INFO, null));
        return RemotingSerializable.decode(r.getBody(), ClusterInfo.class);
    }

    TopicRouteData topicRoute(String topic) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callNamesrv(null,
            AdminRemoting.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null)));
        return RemotingSerializable.decode(r.getBody(), TopicRouteData.class);
    }

    TopicList allTopics() throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callNamesrv(null,
            AdminRemoting.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null));
        return RemotingSerializable.decode(r.getBody(), TopicList.class);
    }

    TopicList topicsByCluster(String cluster) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callNamesrv(null,
            AdminRemoting.request(RequestCode.GET_TOPICS_BY_CLUSTER, new GetTopicsByClusterRequestHeader(cluster)));
        return RemotingSerializable.decode(r.getBody(), TopicList.class);
    }

    void deleteTopic(String namesrvAddr, String topic, String clusterName)
        throws RemotingException, MQAdminException, InterruptedException {
        remoting.callNamesrv(namesrvAddr, AdminRemoting.request(RequestCode.DELETE_TOPIC_IN_NAMESRV,
            new DeleteTopicFromNamesrvRequestHeader(topic, clusterName)));
    }

    int wipeWritePerm(String namesrvAddr, String brokerName) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callNamesrv(namesrvAddr, AdminRemoting.request(RequestCode.WIPE_WRITE_PERM_OF_BROKER,
            new WipeWritePermOfBrokerRequestHeader(brokerName)));
        Integer count = r.decodeCommandCustomHeader(WipeWritePermOfBrokerResponseHeader.class).getWipeTopicCount();
        return count == null ? 0 : count;
    }

    int addWritePerm(String namesrvAddr, String brokerName) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callNamesrv(namesrvAddr, AdminRemoting.request(RequestCode.ADD_WRITE_PERM_OF_BROKER,
            new AddWritePermOfBrokerRequestHeader(brokerName)));
        Integer count = r.decodeCommandCustomHeader(AddWritePermOfBrokerResponseHeader.class).getAddTopicCount();
        return count == null ? 0 : count;
    }

    void putKVConfig(String namesrvAddr, String namespace, String key, String value)
        throws RemotingException, MQAdminException, InterruptedException {
        remoting.callNamesrv(namesrvAddr, AdminRemoting.request(RequestCode.PUT_KV_CONFIG,
            new PutKVConfigRequestHeader(namespace, key, value)));
    }

    /** The value, or an exception with QUERY_NOT_FOUND when the key is absent. */
    String getKVConfig(String namespace, String key) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callNamesrv(null, AdminRemoting.request(RequestCode.GET_KV_CONFIG,
            new GetKVConfigRequestHeader(namespace, key)));
        return r.decodeCommandCustomHeader(GetKVConfigResponseHeader.class).getValue();
    }

    void deleteKVConfig(String namesrvAddr, String namespace, String key)
        throws RemotingException, MQAdminException, InterruptedException {
        remoting.callNamesrv(namesrvAddr, AdminRemoting.request(RequestCode.DELETE_KV_CONFIG,
            new DeleteKVConfigRequestHeader(namespace, key)));
    }

    Properties config(String namesrvAddr) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callNamesrv(namesrvAddr, AdminRemoting.request(RequestCode.GET_NAMESRV_CONFIG, null));
        return PropertiesText.parse(r.getBody());
    }

    void updateConfig(String namesrvAddr, Properties properties)
        throws RemotingException, MQAdminException, InterruptedException {
        remoting.callNamesrv(namesrvAddr, AdminRemoting.request(RequestCode.UPDATE_NAMESRV_CONFIG, null,
            PropertiesText.format(properties)));
    }
}
