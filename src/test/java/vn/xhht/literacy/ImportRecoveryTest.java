package vn.xhht.literacy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xhht.literacy.LiteracyFixture.*;

/** Imports that did not finish leave nothing behind: no endless "RUNNING", no empty survey round. */
@XhhtIntegrationTest
class ImportRecoveryTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterImport imports;
    @Autowired
    ImportRecovery recovery;

    long rounds(long communeId) {
        return jdbc.sql("select count(*) from lit_survey_round where unit_id = :u").param("u", communeId).query(Long.class).single();
    }

    @Test
    void aRejectedImportLeavesNoSurveyRound() throws Exception {
        Commune c = commune(jdbc, false);
        Path bad = csv(row(c, 0, "H1", "P1", "Hà Thị Ánh", "Nữ", "31/02/1990", "TT", "", "9", "MĐ2"));
        RegisterImport.Job j = importAndWait(imports, officer(c.id(), true), c.id(), bad, "loi.csv");
        assertThat(j.status()).isEqualTo("REJECTED");
        assertThat(rounds(c.id())).isZero();
        assertThat(jdbc.sql("select count(*) from lit_person where commune_id = :c").param("c", c.id()).query(Long.class).single()).isZero();

        Path good = csv(row(c, 0, "H1", "P1", "Hà Thị Ánh", "Nữ", "03/04/1990", "TT", "", "9", "MĐ2"));
        assertThat(importAndWait(imports, officer(c.id(), true), c.id(), good, "dung.csv").status()).isEqualTo("DONE");
        assertThat(rounds(c.id())).isEqualTo(1);
    }

    @Test
    void anImportLeftRunningByAStoppedInstanceIsMarkedFailed() {
        Commune c = commune(jdbc, false);
        long round = jdbc.sql("insert into lit_survey_round (unit_id, survey_date, created_by) values (:u, current_date, 'thu') returning id")
                .param("u", c.id()).query(Long.class).single();
        long dead = jdbc.sql("""
                insert into lit_import (unit_id, username, file_name, status, rows_done, round_id, instance_id)
                values (:u, 'thu', 'so.csv', 'RUNNING', 130000, :r, 'may-da-dung') returning id""")
                .param("u", c.id()).param("r", round).query(Long.class).single();
        long old = jdbc.sql("""
                insert into lit_import (unit_id, username, file_name, status, rows_done)
                values (:u, 'thu', 'cu.csv', 'MERGING', 10) returning id""").param("u", c.id()).query(Long.class).single();
        long alive = jdbc.sql("""
                insert into lit_import (unit_id, username, file_name, status, rows_done, instance_id)
                values (:u, 'thu', 'dang-chay.csv', 'RUNNING', 10, :i) returning id""")
                .param("u", c.id()).param("i", ImportRecovery.INSTANCE).query(Long.class).single();

        recovery.heartbeat();

        assertThat(status(dead)).isEqualTo("FAILED");
        assertThat(status(old)).isEqualTo("FAILED");
        assertThat(status(alive)).isEqualTo("RUNNING");
        RegisterImport.Job j = imports.job(officer(c.id(), true), dead);
        assertThat(j.running()).isFalse();
        assertThat(j.message()).contains("dừng giữa chừng", "sổ không thay đổi");
        assertThat(rounds(c.id())).isZero();
        jdbc.sql("update lit_import set status = 'FAILED' where id = :id").param("id", alive).update();
    }

    private String status(long id) {
        return jdbc.sql("select status from lit_import where id = :id").param("id", id).query(String.class).single();
    }
}
