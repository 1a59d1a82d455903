import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.XhhtApplication;
import vn.xhht.calendar.WorkingDays;
import vn.xhht.document.DocumentRenderer;
import vn.xhht.document.OfficialDocument;
import vn.xhht.evaluation.CampaignService;
import vn.xhht.evaluation.EvaluationDocuments;
import vn.xhht.evaluation.Framework;
import vn.xhht.evaluation.FrameworkCatalog;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/**
 * Issue-6 figures on a scratch embedded database (target/bench-eval): a generated province of 200 communes, one
 * campaign under a 15-indicator framework version with every indicator assessed and evidenced; then
 *  1. time to compute the campaign's results (scores + evidence + rule engine + batch update of totals),
 *  2. time to render its decision with the annexed list (about 190 recognised communes) as .pdf,
 *  3. working-day arithmetic per call (WorkingDays.add over random dates and 1–30 days).
 * Usage: bench/evaluation/run.sh
 */
public class EvaluationBench {

    record Admin(long userId, String username, String fullName, Role role, long unitId) implements CurrentUser {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext ctx = new SpringApplication(XhhtApplication.class).run(
                "--server.port=0", "--xhht.embedded-db.dir=target/bench-eval/pg", "--xhht.embedded-db.clean=true",
                "--logging.level.root=WARN", "--xhht.login.cleanup-cron=-", "--xhht.public.cleanup-cron=-");
        try {
            run(ctx);
        } finally {
            ctx.close();
        }
    }

    static void run(ConfigurableApplicationContext ctx) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        FrameworkCatalog catalog = ctx.getBean(FrameworkCatalog.class);
        CampaignService campaigns = ctx.getBean(CampaignService.class);
        EvaluationDocuments documents = ctx.getBean(EvaluationDocuments.class);
        DocumentRenderer renderer = ctx.getBean(DocumentRenderer.class);
        WorkingDays workingDays = ctx.getBean(WorkingDays.class);
        OrgUnitDirectory units = ctx.getBean(OrgUnitDirectory.class);

        long nation = jdbc.sql("select id from org_unit where level = 0").query(Long.class).single();
        Admin admin = new Admin(0, "admin", "Quản trị", Role.SYSTEM_ADMIN, nation);

        // a generated province with 200 communes
        long province = jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, path, valid_from, source)
                select 'BENCH', 'Tỉnh Thử Nghiệm', 'Tỉnh', 1, id, null, path, date '2025-07-01', 'BENCH' from org_unit where level = 0 returning id
                """).query(Long.class).single();
        jdbc.sql("update org_unit set path = path || id || '/', province_id = null where id = :p").param("p", province).update();
        jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, path, valid_from, source)
                select 'BENCH-' || g, 'Xã Thử Nghiệm Số ' || g, 'Xã', 3, :p, :p, '', date '2025-07-01', 'BENCH' from generate_series(1, 200) g
                """).param("p", province).update();
        jdbc.sql("update org_unit set path = (select path from org_unit where id = :p) || id || '/' where parent_id = :p")
                .param("p", province).update();

        // the framework completed to 15 indicators by an administrator (a new version)
        FrameworkCatalog.Versioned v1 = catalog.latest("tt25-2023-commune");
        String yaml = catalog.yaml(v1.id());
        for (String tc : List.of("TC3", "TC4", "TC5")) {
            yaml = yaml.replaceFirst("    items: \\[\\]", "    items:\n" + String.join("", List.of(1, 2, 3).stream()
                    .map(i -> "      - {code: " + tc + ".CT" + i + ", title: \"Chỉ tiêu " + i + " của " + tc + "\"}\n").toList()));
        }
        Framework f = catalog.saveEdit(admin, "tt25-2023-commune", yaml, "bench: 15 chỉ tiêu").framework();
        if (f.itemCount() != 15) {
            throw new IllegalStateException("expected 15 items, got " + f.itemCount());
        }

        long t0 = System.nanoTime();
        CampaignService.Campaign c = campaigns.open(admin, province, "tt25-2023-commune", 2025, null, null, null, null, null);
        long openMs = (System.nanoTime() - t0) / 1_000_000;
        int evaluations = jdbc.sql("select count(*) from evaluation where campaign_id = :c").param("c", c.id()).query(Integer.class).single();

        // every indicator assessed (about 1 in 60 not met) and evidenced by one small PDF
        jdbc.sql("""
                update evaluation_score s set met = (hashtext(s.id::text) % 60 <> 0), comment = 'Có văn bản minh chứng'
                  from evaluation e where e.id = s.evaluation_id and e.campaign_id = :c
                """).param("c", c.id()).update();
        jdbc.sql("""
                insert into evidence_file (owner_type, owner_id, unit_id, province_id, file_name, content_type, size_bytes, sha256, data, uploaded_by)
                select 'EvaluationScore', s.id, e.owner_unit_id, e.province_id, 'minh-chung.pdf', 'application/pdf', 20,
                       encode(sha256(convert_to('%PDF-1.4 ' || s.id, 'UTF8')), 'hex'), convert_to('%PDF-1.4 ' || s.id, 'UTF8'), 'bench'
                  from evaluation_score s join evaluation e on e.id = s.evaluation_id where e.campaign_id = :c
                """).param("c", c.id()).update();
        int scores = jdbc.sql("select count(*) from evaluation_score s join evaluation e on e.id = s.evaluation_id where e.campaign_id = :c")
                .param("c", c.id()).query(Integer.class).single();

        double[] compute = new double[12];
        List<CampaignService.Line> lines = List.of();
        for (int i = 0; i < compute.length; i++) {
            long s = System.nanoTime();
            lines = campaigns.computeResults(admin, c.id());
            compute[i] = (System.nanoTime() - s) / 1e6;
        }
        long recognised = lines.stream().filter(CampaignService.Line::recognised).count();

        // the decision: every recognised commune decided, one decision with the annexed list
        jdbc.sql("""
                update evaluation set stage = 'DECIDED', recognised = level_code = 'MD1', decision_number = '15/QĐ-SGDĐT',
                       decision_date = date '2026-03-20', valid_from = date '2026-03-20', valid_until = date '2029-03-19'
                 where campaign_id = :c
                """).param("c", c.id()).update();
        double[] render = new double[8];
        int pdfBytes = 0;
        int annexLines = 0;
        for (int i = 0; i < render.length; i++) {
            long s = System.nanoTime();
            List<EvaluationDocuments.AnnexLine> annex = campaigns.annex(admin, c.id(), true);
            OfficialDocument doc = documents.decision(f, units.require(province), 2025, "15/QĐ-SGDĐT", LocalDate.of(2026, 3, 20),
                    "Nguyễn Văn An", annex);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            renderer.renderPdf(doc, out);
            render[i] = (System.nanoTime() - s) / 1e6;
            pdfBytes = out.size();
            annexLines = annex.size();
        }

        Random random = new Random(42);
        int calls = 200_000;
        LocalDate[] from = new LocalDate[calls];
        int[] days = new int[calls];
        for (int i = 0; i < calls; i++) {
            from[i] = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(4 * 365));
            days[i] = 1 + random.nextInt(30);
        }
        long sink = 0;
        for (int i = 0; i < calls; i++) {
            sink += workingDays.add(from[i], days[i]).toEpochDay();
        }
        long s = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += workingDays.add(from[i], days[i]).toEpochDay();
        }
        double nsPerCall = (System.nanoTime() - s) / (double) calls;

        System.out.printf("campaign: %d communes x %d indicators (%d scores, %d evidence files); opening it (creating the drafts) took %d ms%n",
                evaluations, f.itemCount(), scores, scores, openMs);
        System.out.printf("compute campaign results (%d runs after 2 warm-up): median %.1f ms, max %.1f ms; %d of %d recognised at level 1%n",
                compute.length - 2, median(compute, 2), max(compute, 2), recognised, lines.size());
        System.out.printf("render decision + annexed list (%d lines) as .pdf (%d runs after 2 warm-up): median %.1f ms, max %.1f ms, %d KB%n",
                annexLines, render.length - 2, median(render, 2), max(render, 2), pdfBytes / 1024);
        System.out.printf("working-day arithmetic WorkingDays.add (1-30 days, random dates 2024-2027): %.0f ns per call (%d calls)%s%n",
                nsPerCall, calls, sink == 42 ? "" : "");
    }

    static double median(double[] v, int skip) {
        double[] x = Arrays.copyOfRange(v, skip, v.length);
        Arrays.sort(x);
        return x[x.length / 2];
    }

    static double max(double[] v, int skip) {
        return Arrays.stream(v, skip, v.length).max().orElse(0);
    }
}
