package org.partnerplatform.token.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.partnerplatform.events.PartnerTopics;
import org.partnerplatform.messaging.topics.KafkaAdmins;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.repository.Organisation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Creates every partner's topics ({@link PartnerTopics}): at its registration, and for every partner at start-up and
 * on a schedule, so that a partner registered while the broker was away gets them too and no outbox (catalog's
 * notifications, sales' results) ever waits for a topic. Creating a topic that exists is a no-op, so replicas and
 * repeated checks do no harm. Admin calls block; they run on this class's own thread, never on an event loop.
 */
@ApplicationScoped
public class PartnerTopicProvisioner {
    private static final Logger LOG = Logger.getLogger(PartnerTopicProvisioner.class);

    private final TokenConfig.PartnerTopicsConfig config;
    /** Every kafka.* setting of the service (bootstrap servers, and SASL/TLS in a cluster), as Quarkus gathers them. */
    private final Map<String, Object> kafka;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partner-topics");
        t.setDaemon(true);
        return t;
    });
    private Admin admin;

    public PartnerTopicProvisioner(TokenConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config.partnerTopics();
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.create()) {
            long every = config.reconcileInterval().toMillis();
            thread.scheduleWithFixedDelay(this::reconcileLogged, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Creates the partner's missing topics; completes when they exist, or fails (the schedule tries again). */
    public Uni<Void> ensure(long organisationId) {
        if (!config.create()) {
            return Uni.createFrom().voidItem();
        }
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> create(PartnerTopics.of(organisationId)), thread);
        return Uni.createFrom().completionStage(done);
    }

    /**
     * After a partner's registration has committed: its topics, waited for a while. A broker that is away does not
     * fail the registration; the check on schedule creates them when it is back.
     */
    public Uni<Void> afterRegistration(long organisationId) {
        // The Admin call completes on this class's thread: the request goes on on its own Vert.x context.
        io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
        Uni<Void> topics = ensure(organisationId).ifNoItem().after(config.registrationWait()).fail()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("partner %d registered without its topics yet (created on the next check, in at most %s): %s", organisationId,
                            config.reconcileInterval(), e.getMessage());
                    return null;
                });
        return caller == null ? topics : topics.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** Every partner's topics, checked now: what the schedule runs. Blocking; for the schedule's thread and tests. */
    public int reconcile() {
        List<Long> partners = awaitPartners();
        List<PartnerTopics.Topic> topics = new ArrayList<>();
        partners.forEach(id -> topics.addAll(PartnerTopics.of(id)));
        return create(topics);
    }

    private void reconcileLogged() {
        try {
            int created = reconcile();
            if (created > 0) {
                LOG.infof("created %d missing partner topics", created);
            }
        } catch (RuntimeException e) {
            LOG.warnf("partner topics not checked (next try in %s): %s", config.reconcileInterval(), e.getMessage());
        }
    }

    private static List<Long> awaitPartners() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(Organisation::partnerIds));
        } catch (Throwable e) {
            throw new IllegalStateException("reading the partners failed: " + e.getMessage(), e);
        }
    }

    /** Creates the topics that do not exist; answers how many it created. */
    private synchronized int create(List<PartnerTopics.Topic> topics) {
        try {
            Set<String> existing = admin().listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).map(this::newTopic).toList();
            int created = 0;
            for (var result : admin().createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                    created++;
                    LOG.infof("created partner topic %s", result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating partner topics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating partner topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not answer in time", e);
        }
    }

    private NewTopic newTopic(PartnerTopics.Topic topic) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        config.minInsyncReplicas().ifPresent(n -> configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(n)));
        return new NewTopic(topic.name(), java.util.Optional.of(topic.partitions()), config.replicationFactor()).configs(configs);
    }

    private Admin admin() {
        if (admin == null) {
            admin = KafkaAdmins.create(kafka);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        thread.shutdownNow();
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(5));
        }
    }
}
