package vn.xhht.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.xhht.evaluation.RuleEngine.Entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Result rules at every boundary of every shipped framework, both scoring models; validation of framework files. */
class RuleEngineTest {

    static final List<String> SHIPPED = List.of("tt25-2023-commune", "tt44-2014-commune", "tt22-2020-unit", "tt24-2023-unit",
            "family-qd448", "clan-qd448", "hamlet-community-qd448", "centre-rating");

    static String text(String code) {
        try (InputStream in = RuleEngineTest.class.getResourceAsStream("/evaluation-frameworks/" + code + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Framework shipped(String code) {
        return FrameworkParser.parse(code + ".yaml", text(code));
    }

    static String level(Framework f, Map<String, Entry> entries) {
        return RuleEngine.evaluate(f, entries).levelCode();
    }

    @Test
    void everyShippedFileLoadsAndIncompleteOnesSaySo() {
        for (String code : SHIPPED) {
            Framework f = shipped(code);
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.legalBasis().number()).isNotBlank();
            assertThat(f.complete() || f.incompleteNote() != null).as(code).isTrue();
            assertThat(f.authorities()).as(code).isNotEmpty();
        }
    }

    /** TT 22/2020 as shipped (TC2.3 with the rest of TC2 = 15, TC3 = 40 as blocks): Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50. */
    @Test
    void pointsModelTt22Boundaries() {
        Framework f = shipped("tt22-2020-unit");
        assertThat(f.complete()).as("the blocks are not the regulation's items: still incomplete, so provisional").isFalse();
        assertThat(f.items().map(Framework.Item::maxPoints).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("100");
        Map<Double, String> expected = new LinkedHashMap<>();
        expected.put(0.0, "KHONG_DAT");
        expected.put(49.5, "KHONG_DAT");
        expected.put(50.0, "TRUNG_BINH");
        expected.put(69.75, "TRUNG_BINH");
        expected.put(70.0, "KHA");
        expected.put(84.5, "KHA");
        expected.put(85.0, "TOT");
        expected.put(100.0, "TOT");
        expected.forEach((total, lvl) -> assertThat(level(f, spread(f, total, true))).as("total %s", total).isEqualTo(lvl));
        RuleEngine.Result r = RuleEngine.evaluate(f, spread(f, 84.5, true));
        assertThat(r.nextLevel().code()).isEqualTo("TOT");
        assertThat(r.missingForNextLevel()).singleElement().satisfies(g -> {
            assertThat(g.messageKey()).isEqualTo("evaluation.gap.points");
            assertThat(g.args()).containsExactly("0.5", "85");
        });
        // the same points without evidence count for nothing
        assertThat(RuleEngine.evaluate(f, spread(f, 100, false)).total()).isEqualByComparingTo("0");
    }

    /** TT 22/2020 TC2.3: 1,000 points must not give 1,000/100, even on a version stored before maxima were required. */
    @Test
    void pointsAboveTheMaximumAreNeverCredited() {
        Framework f = shipped("tt22-2020-unit");
        Map<String, Entry> e = new LinkedHashMap<>();
        e.put("TC2.3", Entry.points(1000, true));
        RuleEngine.Result r = RuleEngine.evaluate(f, e);
        assertThat(r.total()).isEqualByComparingTo("15");
        assertThat(r.levelCode()).isEqualTo("KHONG_DAT");
        // the version 1 text, as stored in databases before this rule: readable, but the item without maximum earns nothing
        String stored = text("tt22-2020-unit").replace("version: 2", "version: 1")
                .replaceAll("maxPoints: 15, certainty: \"tên[^\"]*\"", "maxPoints: null")
                .replaceAll("(?s)  - code: TC3\n(.*?)    items:\n      - \\{code: TC3.1[^\n]*\n", "  - code: TC3\n$1    items: []\n");
        assertThatThrownBy(() -> FrameworkParser.parse("tt22-2020-unit.yaml", stored)).isInstanceOf(FrameworkParser.FormatException.class);
        Framework old = FrameworkParser.parseStored("tt22-2020-unit", stored);
        assertThat(old.item("TC2.3").orElseThrow().maxPoints()).isNull();
        assertThat(RuleEngine.evaluate(old, e).total()).isEqualByComparingTo("0");
        assertThat(RuleEngine.evaluate(old, e).levelCode()).isEqualTo("KHONG_DAT");
    }

    /** A points item without a maximum, or maxima that do not add up to the total: the file is refused whole, the line named. */
    @Test
    void pointsFilesWithMissingMaximaOrInconsistentTotalsAreRefused() {
        String base = text("centre-rating");
        String noMax = base.replaceFirst("(\\{code: B\\.1, [^}]*?)maxPoints: \\d+", "$1maxPoints: null");
        assertThat(noMax).isNotEqualTo(base);
        assertThatThrownBy(() -> FrameworkParser.parse("centre-rating.yaml", noMax))
                .isInstanceOfSatisfying(FrameworkParser.FormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(lineOf(noMax, "{code: B.1,"));
                    assertThat(e.getMessage()).contains("centre-rating.yaml", "dòng " + lineOf(noMax, "{code: B.1,"), "B.1", "thiếu điểm tối đa");
                });
        // the same rule for an incomplete framework: "not known yet" is no excuse for an uncapped item
        String incompleteNoMax = noMax.replace("complete: false", "complete: false");
        assertThat(incompleteNoMax).contains("complete: false");
        assertThatThrownBy(() -> FrameworkParser.parse("c.yaml", incompleteNoMax)).hasMessageContaining("B.1");
        // maxima that add up to less than the total (an item's maximum lowered from its value)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{code: B\\.1, [^}]*?maxPoints: (\\d+)").matcher(base);
        assertThat(m.find()).isTrue();
        int b1 = Integer.parseInt(m.group(1));
        String lower = base.replaceFirst("(\\{code: B\\.1, [^}]*?maxPoints: )\\d+", "$1" + (b1 - 1));
        assertThatThrownBy(() -> FrameworkParser.parse("c.yaml", lower))
                .isInstanceOfSatisfying(FrameworkParser.FormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(lineOf(lower, "maxTotal:"));
                    assertThat(e.reason()).contains("(99)", "maxTotal: 100");
                });
        // a points framework without a total
        String noTotal = base.replaceFirst("(?m)^maxTotal: 100\n", "");
        assertThatThrownBy(() -> FrameworkParser.parse("c.yaml", noTotal)).hasMessageContaining("maxTotal");
        // every shipped points framework passes the strict rules and sums to its total
        for (String code : SHIPPED) {
            Framework f = shipped(code);
            if (f.isPoints()) {
                assertThat(f.items().filter(i -> i.type() == Framework.ItemType.POINTS).map(Framework.Item::maxPoints)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).as(code).isEqualByComparingTo(f.maxTotal());
            }
        }
    }

    /** "Bảo lưu 3 năm": the framework states its reading; both readings compute their own last day. */
    @Test
    void validityReadingIsARuleOfTheFramework() {
        Framework tt25 = shipped("tt25-2023-commune");
        assertThat(tt25.validityRule().reading()).isEqualTo(Framework.ValidityReading.MONTHS_FROM_DECISION);
        assertThat(tt25.validityRule().certainty()).isNotBlank();
        assertThat(tt25.validityRule().source()).contains("25/2023");
        assertThat(tt25.validityRule().alternative()).isNotBlank();
        assertThat(tt25.validityRule().until(LocalDate.of(2024, 5, 20))).isEqualTo(LocalDate.of(2027, 5, 19));
        String years = text("tt25-2023-commune").replace("reading: MONTHS_FROM_DECISION", "reading: YEARS_AFTER_RECOGNITION_YEAR");
        Framework y = FrameworkParser.parse("t.yaml", years);
        assertThat(y.validityRule().until(LocalDate.of(2024, 5, 20))).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(FrameworkParser.parse("t.yaml", FrameworkWriter.write(y)).validityRule()).isEqualTo(y.validityRule());
        String noYears = years.replace("years: 3, ", "");
        assertThatThrownBy(() -> FrameworkParser.parse("t.yaml", noYears)).hasMessageContaining("years");
    }

    /** Centre rating: 50/70/85 and no area at zero. */
    @Test
    void centreRatingBoundariesAndNoCriterionAtZero() {
        Framework f = shipped("centre-rating");
        assertThat(level(f, points(f, 12.25, 12.25, 12.25, 13))).isEqualTo("YEU");      // 49.75
        assertThat(level(f, points(f, 12.5, 12.5, 12.5, 12.5))).isEqualTo("TRUNG_BINH"); // 50
        assertThat(level(f, points(f, 17.5, 17.5, 17.5, 17.25))).isEqualTo("TRUNG_BINH"); // 69.75
        assertThat(level(f, points(f, 17.5, 17.5, 17.5, 17.5))).isEqualTo("KHA");        // 70
        assertThat(level(f, points(f, 21, 21, 21, 21.75))).isEqualTo("KHA");             // 84.75
        assertThat(level(f, points(f, 21.25, 21.25, 21.25, 21.25))).isEqualTo("TOT");   // 85
        assertThat(level(f, points(f, 25, 25, 25, 25))).isEqualTo("TOT");
        RuleEngine.Result zero = RuleEngine.evaluate(f, points(f, 25, 25, 25, 0));
        assertThat(zero.total()).isEqualByComparingTo("75");
        assertThat(zero.levelCode()).isEqualTo("YEU");
        assertThat(zero.missingForNextLevel()).extracting(RuleEngine.Gap::messageKey).containsExactly("evaluation.gap.criterionZero");
        assertThat(f.targets()).containsKeys("TOT", "KHA", "TRUNG_BINH");
    }

    /** TT 25/2023: level 1 needs every known indicator met with evidence; level 2 is not known yet. */
    @Test
    void levelModelTt25() {
        Framework f = shipped("tt25-2023-commune");
        assertThat(f.itemCount()).isEqualTo(6);
        Map<String, Entry> all = new LinkedHashMap<>();
        f.items().forEach(i -> all.put(i.code(), Entry.met(true, true)));
        RuleEngine.Result r = RuleEngine.evaluate(f, all);
        assertThat(r.levelCode()).isEqualTo("MD1");
        assertThat(r.total()).isEqualByComparingTo("6");
        assertThat(r.nextLevel().code()).isEqualTo("MD2");
        assertThat(r.missingForNextLevel()).extracting(RuleEngine.Gap::messageKey).containsExactly("evaluation.gap.unknown");

        all.put("TC2.CT3", Entry.met(false, true));
        r = RuleEngine.evaluate(f, all);
        assertThat(r.levelCode()).isEqualTo("CHUA_DAT");
        assertThat(r.recognised()).isFalse();
        assertThat(r.missingForNextLevel()).singleElement().satisfies(g -> assertThat(g.args()).contains("TC2.CT3"));

        all.put("TC2.CT3", Entry.met(true, false));
        r = RuleEngine.evaluate(f, all);
        assertThat(r.levelCode()).isEqualTo("CHUA_DAT");
        assertThat(r.items().get("TC2.CT3").missingEvidence()).isTrue();
        assertThat(r.missingForNextLevel()).singleElement().satisfies(g -> assertThat(g.messageKey()).isEqualTo("evaluation.gap.evidence"));
    }

    /** TT 24/2023: percentages met at 90 % for level 1; the per-level threshold of TC3.CT1 is 90 / 95. */
    @Test
    void levelModelTt24MeasuredIndicators() {
        Framework f = shipped("tt24-2023-unit");
        Map<String, Entry> e = new LinkedHashMap<>();
        f.items().forEach(i -> e.put(i.code(), i.type() == Framework.ItemType.MEASURE ? Entry.value(90, true) : Entry.met(true, true)));
        assertThat(level(f, e)).isEqualTo("MD1");
        e.put("TC2.CT1", Entry.value(89.9, true));
        RuleEngine.Result r = RuleEngine.evaluate(f, e);
        assertThat(r.levelCode()).isEqualTo("CHUA_DAT");
        assertThat(r.missingForNextLevel()).singleElement().satisfies(g -> {
            assertThat(g.messageKey()).isEqualTo("evaluation.gap.measure");
            assertThat(g.args()).contains("TC2.CT1", "90", "%");
        });
        e.put("TC2.CT1", Entry.value(90, true));
        e.put("TC3.CT1", Entry.value(89.99, true));
        assertThat(level(f, e)).isEqualTo("CHUA_DAT");
        assertThat(f.item("TC3.CT1").orElseThrow().thresholdFor("MD2")).isEqualByComparingTo("95");
    }

    /** Frameworks whose thresholds are unknown never grant a level; they say what is unknown. */
    @Test
    void unknownThresholdsNeverGrantALevel() {
        for (String code : List.of("tt44-2014-commune", "family-qd448", "clan-qd448", "hamlet-community-qd448")) {
            Framework f = shipped(code);
            Map<String, Entry> e = new LinkedHashMap<>();
            f.items().forEach(i -> e.put(i.code(), Entry.points(i.maxPoints() == null ? 5 : i.maxPoints().doubleValue(), true)));
            RuleEngine.Result r = RuleEngine.evaluate(f, e);
            assertThat(r.levelCode()).as(code).isEqualTo("CHUA_DAT");
            assertThat(r.recognised()).isFalse();
            assertThat(r.missingForNextLevel()).as(code).extracting(RuleEngine.Gap::messageKey).containsExactly("evaluation.gap.unknown");
        }
    }

    @Test
    void minItemsAndNamedItemsAndCriterionPoints() {
        Framework f = FrameworkParser.parse("t.yaml", """
                code: test-mix
                version: 1
                title: "Thử"
                subjectType: family
                scoring: points
                maxTotal: 30
                legalBasis: {number: "X"}
                criteria:
                  - code: A
                    title: "A"
                    items:
                      - {code: A1, title: "a1", maxPoints: 10}
                      - {code: A2, title: "a2", maxPoints: 10, evidence: false}
                  - code: B
                    title: "B"
                    items:
                      - {code: B1, title: "b1", maxPoints: 10, evidence: false}
                levels:
                  - {code: L0, title: "Chưa đạt", recognised: false}
                  - {code: L1, title: "Đạt", minItemsMet: 2, itemsMet: [A1], minCriterionPoints: {B: 5}}
                """);
        Map<String, Entry> e = new LinkedHashMap<>();
        e.put("A1", Entry.points(10, true));
        e.put("A2", Entry.points(0, false));
        e.put("B1", Entry.points(4.5, false));
        RuleEngine.Result r = RuleEngine.evaluate(f, e);
        assertThat(r.levelCode()).isEqualTo("L0");
        assertThat(r.missingForNextLevel()).extracting(RuleEngine.Gap::messageKey).containsExactly("evaluation.gap.criterionPoints");
        e.put("B1", Entry.points(5, false));
        assertThat(level(f, e)).isEqualTo("L1");
        e.put("A1", Entry.points(10, false));
        r = RuleEngine.evaluate(f, e);
        assertThat(r.levelCode()).isEqualTo("L0");
        assertThat(r.missingForNextLevel()).extracting(RuleEngine.Gap::messageKey).containsExactly("evaluation.gap.evidence", "evaluation.gap.minItems");
    }

    @Test
    void malformedFilesAreRejectedWholeWithTheirLine() {
        String base = text("centre-rating");
        String dup = base.replace("{code: B.1,", "{code: A.1,");
        assertThatThrownBy(() -> FrameworkParser.parse("centre-rating.yaml", dup))
                .isInstanceOfSatisfying(FrameworkParser.FormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("centre-rating.yaml");
                    assertThat(e.line()).isEqualTo(lineOf(dup, "title: \"Tổ chức các hoạt động") + 2);
                    assertThat(e.getMessage()).contains("centre-rating.yaml", "dòng", "mã trùng: A.1");
                });
        String overlap = base.replace("minTotal: 70", "minTotal: 50");
        assertThatThrownBy(() -> FrameworkParser.parse("c.yaml", overlap))
                .isInstanceOfSatisfying(FrameworkParser.FormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(lineOf(overlap, "{code: KHA,"));
                    assertThat(e.reason()).contains("chồng lấn");
                });
        String unknownItem = text("tt25-2023-commune").replace("allItemsMetOf: [\"*\"]}\n  - {code: MD2", "allItemsMetOf: [TC9]}\n  - {code: MD2");
        assertThatThrownBy(() -> FrameworkParser.parse("t.yaml", unknownItem))
                .isInstanceOfSatisfying(FrameworkParser.FormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(lineOf(unknownItem, "{code: MD1,"));
                    assertThat(e.reason()).contains("TC9");
                });
        assertThatThrownBy(() -> FrameworkParser.parse("b.yaml", "code: x-1\nversion: 1\ntitle: [unclosed\n"))
                .isInstanceOfSatisfying(FrameworkParser.FormatException.class, e -> assertThat(e.line()).isGreaterThan(0));
        String overMax = base.replace("maxPoints: 25, certainty: uncertain}\n  - code: B", "maxPoints: 30, certainty: uncertain}\n  - code: B");
        assertThatThrownBy(() -> FrameworkParser.parse("c.yaml", overMax)).hasMessageContaining("vượt quá maxTotal");
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(needle);
    }

    /** Spreads a total over the items in order, each up to its maximum. */
    static Map<String, Entry> spread(Framework f, double total, boolean evidence) {
        Map<String, Entry> e = new LinkedHashMap<>();
        double left = total;
        for (Framework.Item i : f.items().toList()) {
            double max = i.maxPoints() == null ? 0 : i.maxPoints().doubleValue();
            double p = Math.min(max, left);
            left -= p;
            e.put(i.code(), Entry.points(p, evidence));
        }
        assertThat(left).as("total %s fits", total).isZero();
        return e;
    }

    static Map<String, Entry> points(Framework f, double... p) {
        Map<String, Entry> e = new LinkedHashMap<>();
        List<Framework.Item> items = f.items().toList();
        for (int i = 0; i < p.length; i++) {
            e.put(items.get(i).code(), Entry.points(p[i], true));
        }
        return e;
    }
}
