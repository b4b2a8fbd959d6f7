package cn.qhzgh.study.admission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Admission control: how much work a pod takes on at once, and which work it gives up first past that. */
@ConfigMapping(prefix = "study.admission")
public interface AdmissionConfig {

    /** false admits everything, as before issue #18. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The longest a request may wait for a resource once admitted; the connection pool's acquisition timeout
     * must not exceed it (checked at start).
     */
    @WithDefault("2S")
    Duration waitBudget();

    /** Requests in flight per pod: the limit starts at {@code initial} and follows latency between min and max. */
    LimitConfig limit();

    /** Standard requests are admitted only while fewer than this share of the limit are in flight. */
    @WithDefault("0.8")
    double standardShare();

    /** Statistics and exports are admitted only while fewer than this share of the limit are in flight. */
    @WithDefault("0.5")
    double sheddableShare();

    /** The cap that keeps the I/O threads prompt while the pod is full ({@link LagCapRule}). */
    LagConfig lag();

    interface LagConfig {

        /** false leaves the limit to latency alone, as before the cap. */
        @WithDefault("true")
        boolean enabled();

        /** How late the I/O threads may run while the pod is full before fewer are admitted. */
        @WithDefault("10MS")
        Duration target();

        /** The fewest requests the cap lets run at once. */
        @WithDefault("4")
        int min();

        /** How often each I/O thread is probed; the cap is reconsidered every five probes. */
        @WithDefault("20MS")
        Duration probeInterval();
    }

    interface LimitConfig {

        @WithDefault("32")
        int initial();

        /** The connection pool's size: fewer in flight would leave connections idle while requests are refused. */
        @WithDefault("16")
        int min();

        /** Two cores run about 32 requests at once before admitted latency passes 1 s (bench/mixed-load --capacity). */
        @WithDefault("32")
        int max();
    }
}
