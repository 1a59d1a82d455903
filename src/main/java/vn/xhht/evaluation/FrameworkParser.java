package vn.xhht.evaluation;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import vn.xhht.evaluation.Framework.Authority;
import vn.xhht.evaluation.Framework.Criterion;
import vn.xhht.evaluation.Framework.Deadline;
import vn.xhht.evaluation.Framework.Item;
import vn.xhht.evaluation.Framework.ItemType;
import vn.xhht.evaluation.Framework.LegalBasis;
import vn.xhht.evaluation.Framework.Level;

/**
 * Reads a framework from YAML and validates it whole: the first problem rejects the file, with the file name and
 * the line (1-based) in the message. The same parser reads the shipped files and an administrator's edit.
 */
public final class FrameworkParser {

    /** A framework text that cannot be used; {@code line} is 1-based (0: the whole file). */
    public static final class FormatException extends RuntimeException {
        private final String file;
        private final int line;
        private final String reason;

        FormatException(String file, int line, String reason) {
            super(file + (line > 0 ? ", dòng " + line : "") + ": " + reason);
            this.file = file;
            this.line = line;
            this.reason = reason;
        }

        public String file() {
            return file;
        }

        public int line() {
            return line;
        }

        public String reason() {
            return reason;
        }
    }

    private final String file;
    private final boolean strict;

    private FrameworkParser(String file, boolean strict) {
        this.file = file;
        this.strict = strict;
    }

    /** A new file or an administrator's edit: every rule applies, including the points rules of issue 14. */
    public static Framework parse(String file, String yaml) {
        return new FrameworkParser(file, true).read(yaml);
    }

    /**
     * A version already stored: read with the rules it was accepted under, so that dossiers made with it stay
     * readable. Scores on such a version are still held to each item's maximum when it is entered (the service
     * refuses points for an item without one) and credited at most the maximum by the rule engine.
     */
    static Framework parseStored(String file, String yaml) {
        return new FrameworkParser(file, false).read(yaml);
    }

    private Framework read(String yaml) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (RuntimeException e) {
            int line = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null
                    ? m.getProblemMark().getLine() + 1 : 0;
            throw new FormatException(file, line, "YAML không hợp lệ: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof MappingNode top)) {
            throw new FormatException(file, 1, "tệp phải là một bảng khóa: giá trị");
        }
        Map<String, Node> m = map(top);
        String code = text(m, "code", top, true);
        if (!code.matches("[a-z0-9][a-z0-9-]{1,59}")) {
            throw fail(m.get("code"), "mã bộ tiêu chí chỉ gồm chữ thường không dấu, số và dấu gạch ngang");
        }
        int version = integer(m, "version", top, true);
        String title = text(m, "title", top, true);
        Framework.SubjectType subject = enumValue(Framework.SubjectType.class, m, "subjectType", top);
        Framework.Scoring scoring = enumValue(Framework.Scoring.class, m, "scoring", top);
        BigDecimal maxTotal = decimal(m, "maxTotal");
        LocalDate from = date(m, "effectiveFrom");
        LocalDate to = date(m, "effectiveTo");
        if (from != null && to != null && to.isBefore(from)) {
            throw fail(m.get("effectiveTo"), "ngày hết hiệu lực trước ngày có hiệu lực");
        }
        boolean complete = bool(m, "complete", true);
        String incompleteNote = text(m, "incompleteNote", top, false);

        Node lbNode = m.get("legalBasis");
        if (!(lbNode instanceof MappingNode lbm)) {
            throw fail(lbNode == null ? top : lbNode, "thiếu căn cứ pháp lý (legalBasis)");
        }
        Map<String, Node> lb = map(lbm);
        LegalBasis legal = new LegalBasis(text(lb, "number", lbm, true), date(lb, "date"), text(lb, "issuer", lbm, false),
                text(lb, "certainty", lbm, false), text(lb, "note", lbm, false));

        List<Authority> authorities = new ArrayList<>();
        for (Node n : seq(m.get("authorities"))) {
            Map<String, Node> a = map(mapping(n));
            String level = text(a, "reviewerLevel", n, true);
            if (!Set.of("district", "province", "commune", "parent").contains(level)) {
                throw fail(a.get("reviewerLevel"), "cấp tiếp nhận phải là district, province, commune hoặc parent");
            }
            Authority au = new Authority(date(a, "from"), date(a, "to"), level, text(a, "receiver", n, false),
                    text(a, "checker", n, false), text(a, "decider", n, false), text(a, "certainty", n, false));
            for (Authority other : authorities) {
                if (overlaps(other.from(), other.to(), au.from(), au.to())) {
                    throw fail(n, "hai thời kỳ của cơ quan tiếp nhận, quyết định chồng lên nhau");
                }
            }
            authorities.add(au);
        }

        Set<String> codes = new HashSet<>();
        List<Criterion> criteria = new ArrayList<>();
        Set<String> levelCodes = new HashSet<>();
        Node levelsNode = m.get("levels");
        for (Node n : seq(levelsNode)) {
            if (n instanceof MappingNode ln) {
                Node c = map(ln).get("code");
                if (c instanceof ScalarNode s) {
                    levelCodes.add(s.getValue());
                }
            }
        }
        for (Node cn : seq(m.get("criteria"))) {
            Map<String, Node> c = map(mapping(cn));
            String cc = text(c, "code", cn, true);
            if (!codes.add(cc)) {
                throw fail(c.get("code"), "mã trùng: " + cc);
            }
            List<Item> items = new ArrayList<>();
            for (Node in : seq(c.get("items"))) {
                Map<String, Node> i = map(mapping(in));
                String ic = text(i, "code", in, true);
                if (!codes.add(ic)) {
                    throw fail(i.get("code"), "mã trùng: " + ic);
                }
                ItemType type = i.containsKey("type") ? enumValue(ItemType.class, i, "type", in)
                        : scoring == Framework.Scoring.POINTS ? ItemType.POINTS : ItemType.PASSFAIL;
                BigDecimal max = decimal(i, "maxPoints");
                if (type == ItemType.POINTS && max == null && (complete || strict)) {
                    throw fail(in, "chỉ tiêu " + ic + " tính điểm nhưng thiếu điểm tối đa (maxPoints)");
                }
                if (max != null && max.signum() <= 0) {
                    throw fail(i.get("maxPoints"), "điểm tối đa phải lớn hơn 0");
                }
                Map<String, BigDecimal> thresholds = new LinkedHashMap<>();
                Node tn = i.get("thresholds");
                if (tn != null) {
                    for (var e : map(mapping(tn)).entrySet()) {
                        if (!levelCodes.contains(e.getKey())) {
                            throw fail(e.getValue(), "ngưỡng cho mức không có trong levels: " + e.getKey());
                        }
                        thresholds.put(e.getKey(), number(e.getValue()));
                    }
                }
                BigDecimal minValue = decimal(i, "minValue");
                if (type == ItemType.MEASURE && minValue == null && thresholds.isEmpty()) {
                    throw fail(in, "chỉ tiêu " + ic + " đo bằng giá trị nhưng không có ngưỡng (minValue / thresholds)");
                }
                items.add(new Item(ic, text(i, "title", in, true), text(i, "guidance", in, false),
                        bool(i, "evidence", true), type, max, text(i, "unit", in, false), minValue, Map.copyOf(thresholds),
                        text(i, "certainty", in, false), line(in)));
            }
            criteria.add(new Criterion(cc, text(c, "title", cn, true), List.copyOf(items), line(cn)));
        }
        Set<String> criterionCodes = new HashSet<>();
        criteria.forEach(c -> criterionCodes.add(c.code()));
        Set<String> itemCodes = new HashSet<>();
        criteria.forEach(c -> c.items().forEach(i -> itemCodes.add(i.code())));
        BigDecimal sumMax = criteria.stream().flatMap(c -> c.items().stream()).map(Item::maxPoints)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (maxTotal != null && sumMax.compareTo(maxTotal) > 0) {
            throw fail(m.get("maxTotal"), "tổng điểm tối đa các chỉ tiêu (" + sumMax.stripTrailingZeros().toPlainString()
                    + ") vượt quá maxTotal");
        }
        if (strict && scoring == Framework.Scoring.POINTS && maxTotal == null) {
            throw fail(top, "bộ tiêu chí tính điểm phải có tổng điểm tối đa (maxTotal)");
        }
        if ((complete || strict) && scoring == Framework.Scoring.POINTS && maxTotal != null && sumMax.compareTo(maxTotal) != 0) {
            // an unknown part of a regulation is written as an item with the part's known maximum, never left out:
            // otherwise a result could not reach the levels the regulation sets, or points would go uncapped
            throw fail(m.get("maxTotal"), "tổng điểm tối đa các chỉ tiêu (" + sumMax.stripTrailingZeros().toPlainString()
                    + ") khác tổng điểm của bộ tiêu chí (maxTotal: " + maxTotal.stripTrailingZeros().toPlainString() + ")");
        }

        List<Level> levels = new ArrayList<>();
        Set<String> seenLevels = new HashSet<>();
        BigDecimal previousMin = null;
        for (Node ln : seq(levelsNode)) {
            Map<String, Node> l = map(mapping(ln));
            String lc = text(l, "code", ln, true);
            if (!seenLevels.add(lc)) {
                throw fail(l.get("code"), "mã mức trùng: " + lc);
            }
            BigDecimal min = decimal(l, "minTotal");
            if (min != null) {
                if (previousMin != null && min.compareTo(previousMin) <= 0) {
                    throw fail(l.get("minTotal"), "ngưỡng điểm chồng lấn: mức " + lc + " (" + min.stripTrailingZeros().toPlainString()
                            + ") phải cao hơn mức liền dưới (" + previousMin.stripTrailingZeros().toPlainString() + ")");
                }
                if (maxTotal != null && min.compareTo(maxTotal) > 0) {
                    throw fail(l.get("minTotal"), "ngưỡng điểm vượt tổng điểm tối đa");
                }
                previousMin = min;
            }
            List<String> allOf = strings(l.get("allItemsMetOf"));
            for (String s : allOf) {
                if (!s.equals("*") && !criterionCodes.contains(s)) {
                    throw fail(l.get("allItemsMetOf"), "điều kiện của mức " + lc + " nêu tiêu chí không có: " + s);
                }
            }
            List<String> itemsMet = strings(l.get("itemsMet"));
            for (String s : itemsMet) {
                if (!itemCodes.contains(s)) {
                    throw fail(l.get("itemsMet"), "điều kiện của mức " + lc + " nêu chỉ tiêu không có: " + s);
                }
            }
            Map<String, BigDecimal> minCrit = new LinkedHashMap<>();
            Node mc = l.get("minCriterionPoints");
            if (mc != null) {
                for (var e : map(mapping(mc)).entrySet()) {
                    if (!criterionCodes.contains(e.getKey())) {
                        throw fail(e.getValue(), "điều kiện của mức " + lc + " nêu tiêu chí không có: " + e.getKey());
                    }
                    minCrit.put(e.getKey(), number(e.getValue()));
                }
            }
            Integer minItems = l.containsKey("minItemsMet") ? integer(l, "minItemsMet", ln, false) : null;
            if (minItems != null && minItems > itemCodes.size() && complete) {
                throw fail(l.get("minItemsMet"), "số chỉ tiêu tối thiểu vượt số chỉ tiêu của bộ");
            }
            levels.add(new Level(lc, text(l, "title", ln, true), bool(l, "recognised", true), bool(l, "known", true), min,
                    allOf, itemsMet, minItems, bool(l, "noCriterionZero", false), Map.copyOf(minCrit), line(ln)));
        }
        if (levels.isEmpty()) {
            throw fail(top, "bộ tiêu chí phải có ít nhất một mức kết quả (levels)");
        }

        Integer validity = null;
        Integer upgrade = null;
        Framework.ValidityRule validityRule = null;
        Node vn = m.get("validity");
        if (vn != null) {
            Map<String, Node> v = map(mapping(vn));
            validity = v.containsKey("months") ? integer(v, "months", vn, false) : null;
            upgrade = v.containsKey("upgradeAfterMonths") ? integer(v, "upgradeAfterMonths", vn, false) : null;
            Framework.ValidityReading reading = v.containsKey("reading")
                    ? enumValue(Framework.ValidityReading.class, v, "reading", vn) : Framework.ValidityReading.MONTHS_FROM_DECISION;
            Integer years = v.containsKey("years") ? integer(v, "years", vn, false) : null;
            if (reading == Framework.ValidityReading.YEARS_AFTER_RECOGNITION_YEAR && (years == null || years <= 0)) {
                throw fail(vn, "cách đọc thời hạn theo năm cần số năm (years)");
            }
            if (reading == Framework.ValidityReading.MONTHS_FROM_DECISION && validity == null) {
                throw fail(vn, "cách đọc thời hạn theo tháng cần số tháng (months)");
            }
            validityRule = new Framework.ValidityRule(reading, validity, years, text(v, "source", vn, false),
                    text(v, "certainty", vn, false), text(v, "alternative", vn, false));
        }
        List<Deadline> deadlines = new ArrayList<>();
        for (Node dn : seq(m.get("deadlines"))) {
            Map<String, Node> d = map(mapping(dn));
            Framework.Step step = enumValue(Framework.Step.class, d, "step", dn);
            if (d.containsKey("workingDays")) {
                String after = text(d, "after", dn, true);
                if (!Set.of("SUBMITTED", "ACCEPTED", "CHECKED", "DECIDED").contains(after)) {
                    throw fail(d.get("after"), "sự kiện tính hạn phải là SUBMITTED, ACCEPTED, CHECKED hoặc DECIDED");
                }
                deadlines.add(new Deadline(step, after, integer(d, "workingDays", dn, true), null, null, 0));
            } else {
                String dm = text(d, "before", dn, true);
                String[] parts = dm.split("/");
                try {
                    int day = Integer.parseInt(parts[0].strip());
                    int month = Integer.parseInt(parts[1].strip());
                    LocalDate.of(2024, month, day);
                    deadlines.add(new Deadline(step, null, null, day, month, d.containsKey("yearOffset") ? integer(d, "yearOffset", dn, false) : 1));
                } catch (RuntimeException e) {
                    throw fail(d.get("before"), "hạn phải có dạng ngày/tháng, ví dụ 28/02");
                }
            }
        }
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        Node tn = m.get("targets");
        if (tn != null) {
            for (var e : map(mapping(tn)).entrySet()) {
                if (!seenLevels.contains(e.getKey())) {
                    throw fail(e.getValue(), "chỉ tiêu phấn đấu cho mức không có: " + e.getKey());
                }
                targets.put(e.getKey(), number(e.getValue()));
            }
        }
        return new Framework(code, version, title, subject, scoring, maxTotal, from, to, complete, incompleteNote, legal,
                List.copyOf(authorities), List.copyOf(criteria), List.copyOf(levels), validity, upgrade, List.copyOf(deadlines),
                targets, strings(m.get("dossier")), validityRule, procedure(m.get("procedure"), strings(m.get("dossier"))));
    }

    private Framework.Procedure procedure(Node n, List<String> dossier) {
        if (n == null || isNull(n)) {
            return Framework.Procedure.NONE;
        }
        Map<String, Node> p = map(mapping(n));
        boolean files = bool(p, "dossierFiles", false);
        if (files && dossier.isEmpty()) {
            throw fail(p.get("dossierFiles"), "yêu cầu tệp cho từng giấy tờ của hồ sơ nhưng bộ tiêu chí không liệt kê giấy tờ nào (dossier)");
        }
        return new Framework.Procedure(bool(p, "selfCheckPlan", false), files, bool(p, "checkPlan", false),
                bool(p, "checkTeamByCriteria", false), text(p, "source", n, false), text(p, "certainty", n, false));
    }

    private static boolean overlaps(LocalDate f1, LocalDate t1, LocalDate f2, LocalDate t2) {
        LocalDate min = LocalDate.MIN;
        LocalDate max = LocalDate.MAX;
        return !(t1 == null ? max : t1).isBefore(f2 == null ? min : f2) && !(t2 == null ? max : t2).isBefore(f1 == null ? min : f1);
    }

    private FormatException fail(Node n, String reason) {
        return new FormatException(file, n == null ? 0 : line(n), reason);
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private Map<String, Node> map(MappingNode n) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : n.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw fail(t.getKeyNode(), "khóa phải là chữ");
            }
            out.put(k.getValue(), t.getValueNode());
        }
        return out;
    }

    private MappingNode mapping(Node n) {
        if (n instanceof MappingNode mn) {
            return mn;
        }
        throw fail(n, "cần một bảng khóa: giá trị");
    }

    private List<Node> seq(Node n) {
        if (n == null || isNull(n)) {
            return List.of();
        }
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        throw fail(n, "cần một danh sách");
    }

    private List<String> strings(Node n) {
        return seq(n).stream().map(x -> {
            if (x instanceof ScalarNode s) {
                return s.getValue();
            }
            throw fail(x, "cần một giá trị chữ");
        }).toList();
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"))
                && s.getTag().getValue().endsWith(":null");
    }

    private String text(Map<String, Node> m, String key, Node parent, boolean required) {
        Node n = m.get(key);
        if (n == null || isNull(n)) {
            if (required) {
                throw fail(parent, "thiếu trường bắt buộc '" + key + "'");
            }
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            throw fail(n, "trường '" + key + "' phải là một giá trị chữ");
        }
        String v = java.text.Normalizer.normalize(s.getValue().strip(), java.text.Normalizer.Form.NFC);
        if (v.isEmpty() && required) {
            throw fail(n, "trường '" + key + "' không được để trống");
        }
        return v.isEmpty() ? null : v;
    }

    private int integer(Map<String, Node> m, String key, Node parent, boolean required) {
        String v = text(m, key, parent, required);
        try {
            return v == null ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw fail(m.get(key), "trường '" + key + "' phải là số nguyên");
        }
    }

    private BigDecimal decimal(Map<String, Node> m, String key) {
        Node n = m.get(key);
        return n == null || isNull(n) ? null : number(n);
    }

    private BigDecimal number(Node n) {
        if (n instanceof ScalarNode s) {
            try {
                BigDecimal v = new BigDecimal(s.getValue().strip());
                if (v.signum() < 0) {
                    throw fail(n, "giá trị không được âm");
                }
                return v;
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw fail(n, "cần một số");
    }

    private boolean bool(Map<String, Node> m, String key, boolean dflt) {
        Node n = m.get(key);
        if (n == null || isNull(n)) {
            return dflt;
        }
        if (n instanceof ScalarNode s && (s.getValue().equals("true") || s.getValue().equals("false"))) {
            return Boolean.parseBoolean(s.getValue());
        }
        throw fail(n, "trường '" + key + "' phải là true hoặc false");
    }

    private LocalDate date(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null || isNull(n)) {
            return null;
        }
        try {
            return LocalDate.parse(((ScalarNode) n).getValue().strip());
        } catch (DateTimeParseException | ClassCastException e) {
            throw fail(n, "trường '" + key + "' phải là ngày dạng YYYY-MM-DD");
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, Map<String, Node> m, String key, Node parent) {
        String v = text(m, key, parent, true);
        try {
            return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(m.get(key), "giá trị không hợp lệ cho '" + key + "': " + v);
        }
    }
}
