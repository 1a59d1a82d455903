package vn.xhht.literacy;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Import jobs outlive nothing: each instance says it is alive every 30 seconds, and a job still RUNNING or MERGING
 * whose instance has been silent for two minutes (or that has no instance, from before this was recorded) is marked
 * failed, at start-up and then every 30 seconds, by whichever instance looks. The register is unchanged (an import
 * is one transaction); its survey round, created for it, is removed again.
 */
@Component
class ImportRecovery {

    /** This JVM. */
    static final String INSTANCE = UUID.randomUUID().toString();
    static final String MESSAGE = "Việc nhập bị dừng giữa chừng do máy chủ dừng hoặc khởi động lại; sổ không thay đổi. Hãy nhập lại tệp.";
    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final JdbcClient jdbc;

    ImportRecovery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        heartbeat();
    }

    @Scheduled(fixedDelayString = "${xhht.literacy.import.heartbeat-ms:30000}", initialDelayString = "${xhht.literacy.import.heartbeat-ms:30000}")
    void heartbeat() {
        jdbc.sql("""
                insert into lit_import_worker (instance_id, heartbeat_at) values (:i, now())
                on conflict (instance_id) do update set heartbeat_at = now()""").param("i", INSTANCE).update();
        jdbc.sql("delete from lit_import_worker where heartbeat_at < now() - interval '1 day'").update();
        recover();
    }

    /** Marks the jobs of silent instances failed; the number marked. */
    int recover() {
        List<Long> rounds = jdbc.sql("""
                update lit_import set status = 'FAILED', message = :m, finished_at = now()
                where status in ('RUNNING', 'MERGING')
                  and (instance_id is null or instance_id not in (
                       select instance_id from lit_import_worker where heartbeat_at > now() - interval '2 minutes'))
                returning coalesce(round_id, 0)""").param("m", MESSAGE).query(Long.class).list();
        for (Long round : rounds) {
            dropUnusedRound(jdbc, round);
        }
        if (!rounds.isEmpty()) {
            log.warn("{} literacy import(s) left running by a stopped instance marked failed", rounds.size());
        }
        return rounds.size();
    }

    /** A survey round created for an import that changed nothing is not kept (no empty round in the register). */
    static void dropUnusedRound(JdbcClient jdbc, long roundId) {
        if (roundId == 0) {
            return;
        }
        jdbc.sql("update lit_import set round_id = null where round_id = :r and status in ('REJECTED', 'FAILED')")
                .param("r", roundId).update();
        jdbc.sql("""
                delete from lit_survey_round r where r.id = :r
                  and not exists (select 1 from lit_import i where i.round_id = r.id)
                  and not exists (select 1 from lit_person p where p.round_id = r.id)
                  and not exists (select 1 from lit_person_change c where c.round_id = r.id)""").param("r", roundId).update();
    }
}
