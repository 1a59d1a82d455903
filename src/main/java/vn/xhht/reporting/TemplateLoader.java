package vn.xhht.reporting;

import java.io.Reader;
import java.time.LocalDate;
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

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.reporting.ReportTemplate.Aggregation;
import vn.xhht.reporting.ReportTemplate.CampaignWindow;
import vn.xhht.reporting.ReportTemplate.DueRule;
import vn.xhht.reporting.ReportTemplate.Field;
import vn.xhht.reporting.ReportTemplate.FieldType;
import vn.xhht.reporting.ReportTemplate.LevelRule;
import vn.xhht.reporting.ReportTemplate.Periodicity;
import vn.xhht.reporting.ReportTemplate.Receiver;
import vn.xhht.reporting.ReportTemplate.Rule;
import vn.xhht.reporting.ReportTemplate.Section;

/**
 * Reads a report template from YAML and checks it completely; every mistake is reported with the file and line so
 * that whoever edits a template sees where it is wrong (the application refuses to start with a broken template).
 */
final class TemplateLoader {

    /** A broken template: file, line and what is wrong. */
    static final class TemplateException extends RuntimeException {
        TemplateException(String file, Node node, String message) {
            super(file + ":" + (node == null ? 1 : node.getStartMark().getLine() + 1) + ": " + message);
        }
    }

    private final String file;

    private TemplateLoader(String file) {
        this.file = file;
    }

    static ReportTemplate load(String file, Reader reader) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (RuntimeException e) {
            throw new TemplateException(file, null, "không đọc được YAML: " + e.getMessage());
        }
        return new TemplateLoader(file).template(root);
    }

    private ReportTemplate template(Node root) {
        Map<String, Node> m = map(root, Set.of("code", "title", "titleEn", "periodicity", "submittingLevel", "receiver",
                "due", "basis", "campaign", "sections", "rules"));
        String code = text(m, root, "code", true);
        if (!code.matches("[a-z0-9][a-z0-9-]{1,59}")) {
            throw new TemplateException(file, m.get("code"), "code phải gồm chữ thường, số và dấu '-': " + code);
        }
        Periodicity periodicity = enumValue(Periodicity.class, m.get("periodicity"), "periodicity", root);
        List<LevelRule> levels = levels(m.get("submittingLevel"), root);
        Receiver receiver = m.containsKey("receiver") ? enumValue(Receiver.class, m.get("receiver"), "receiver", root) : Receiver.PARENT;
        DueRule due = due(m.get("due"), root);
        String campaignCode = null;
        CampaignWindow window = null;
        if (periodicity == Periodicity.CAMPAIGN) {
            Node cn = require(m, root, "campaign");
            Map<String, Node> c = map(cn, Set.of("code", "month", "firstDay", "lastDay"));
            campaignCode = text(c, cn, "code", true);
            if (!campaignCode.matches("[A-Z][A-Z0-9]{1,15}")) {
                throw new TemplateException(file, c.get("code"), "mã đợt phải là chữ in hoa không dấu, ví dụ TLHTSD");
            }
            window = new CampaignWindow(integer(c, cn, "month", 1, 12), integer(c, cn, "firstDay", 1, 31), integer(c, cn, "lastDay", 1, 31));
            if (window.lastDay() < window.firstDay()) {
                throw new TemplateException(file, c.get("lastDay"), "lastDay trước firstDay");
            }
        }
        List<Section> sections = new ArrayList<>();
        Set<String> fieldCodes = new HashSet<>();
        Map<String, Node> fieldNodes = new LinkedHashMap<>();
        for (Node sn : seq(require(m, root, "sections"))) {
            Map<String, Node> s = map(sn, Set.of("code", "title", "fields"));
            List<Field> fields = new ArrayList<>();
            for (Node fn : seq(require(s, sn, "fields"))) {
                Field f = field(fn);
                if (!fieldCodes.add(f.code())) {
                    throw new TemplateException(file, fn, "trùng mã trường " + f.code());
                }
                fieldNodes.put(f.code(), fn);
                fields.add(f);
            }
            sections.add(new Section(text(s, sn, "code", true), text(s, sn, "title", true), List.copyOf(fields)));
        }
        if (sections.isEmpty()) {
            throw new TemplateException(file, root, "mẫu báo cáo không có phần nào");
        }
        Map<String, Field> byCode = new LinkedHashMap<>();
        sections.forEach(sec -> sec.fields().forEach(f -> byCode.put(f.code(), f)));
        for (Field f : byCode.values()) {
            for (String ref : new String[]{f.ratioOf(), f.ratioTo(), f.weight()}) {
                if (ref != null && (!byCode.containsKey(ref) || !byCode.get(ref).numeric())) {
                    throw new TemplateException(file, fieldNodes.get(f.code()), "trường " + f.code() + " tham chiếu trường số không có: " + ref);
                }
            }
        }
        List<Rule> rules = new ArrayList<>();
        if (m.containsKey("rules")) {
            for (Node rn : seq(m.get("rules"))) {
                Map<String, Node> r = map(rn, Set.of("check", "message"));
                String check = text(r, rn, "check", true);
                String[] parts = check.trim().split("\\s+");
                if (parts.length != 3 || !Set.of("<=", ">=", "<", ">", "=").contains(parts[1])) {
                    throw new TemplateException(file, rn, "quy tắc phải có dạng 'a <= b': " + check);
                }
                for (String side : new String[]{parts[0], parts[2]}) {
                    if (!side.matches("-?\\d+(\\.\\d+)?") && (!byCode.containsKey(side) || !byCode.get(side).numeric())) {
                        throw new TemplateException(file, rn, "quy tắc nói đến trường số không có: " + side);
                    }
                }
                rules.add(new Rule(parts[0], parts[1], parts[2], text(r, rn, "message", false)));
            }
        }
        return new ReportTemplate(code, text(m, root, "title", true), text(m, root, "titleEn", false), periodicity, levels, receiver, due,
                text(m, root, "basis", false), campaignCode, window, List.copyOf(sections), List.copyOf(rules), file);
    }

    private Field field(Node fn) {
        Map<String, Node> f = map(fn, Set.of("code", "label", "type", "unit", "source", "ratio", "aggregation", "weight", "required",
                "columns", "key"));
        String code = text(f, fn, "code", true);
        if (!code.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new TemplateException(file, f.get("code"), "mã trường phải gồm chữ thường, số và '_': " + code);
        }
        FieldType type = enumValue(FieldType.class, require(f, fn, "type"), "type", fn);
        String source = text(f, fn, "source", false);
        if (source != null && !source.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+")) {
            throw new TemplateException(file, f.get("source"), "mã nguồn số liệu không hợp lệ: " + source);
        }
        String ratioOf = null, ratioTo = null;
        if (f.containsKey("ratio")) {
            String[] r = text(f, fn, "ratio", true).split("/");
            if (r.length != 2 || type != FieldType.PERCENTAGE) {
                throw new TemplateException(file, f.get("ratio"), "ratio chỉ dùng cho trường tỉ lệ, dạng 'tu_so / mau_so'");
            }
            ratioOf = r[0].trim();
            ratioTo = r[1].trim();
        }
        if ((type == FieldType.TEXT || type == FieldType.TABLE) && (source != null || ratioOf != null)) {
            throw new TemplateException(file, fn, "trường văn bản/bảng không có nguồn số liệu");
        }
        if (source != null && ratioOf != null) {
            throw new TemplateException(file, fn, "một trường không thể vừa có nguồn vừa có tỉ lệ");
        }
        Aggregation agg = f.containsKey("aggregation") ? enumValue(Aggregation.class, f.get("aggregation"), "aggregation", fn)
                : (type == FieldType.NUMBER ? Aggregation.SUM : Aggregation.NONE);
        String weight = text(f, fn, "weight", false);
        if (agg == Aggregation.WEIGHTED_AVERAGE && weight == null) {
            throw new TemplateException(file, fn, "bình quân gia quyền cần 'weight' (trường dân số)");
        }
        List<String> columns = List.of();
        if (type == FieldType.TABLE) {
            columns = seq(require(f, fn, "columns")).stream().map(n -> scalar(n, "columns")).toList();
            if (columns.isEmpty()) {
                throw new TemplateException(file, fn, "bảng cần ít nhất một cột");
            }
        }
        return new Field(code, text(f, fn, "label", true), type, text(f, fn, "unit", false), source, ratioOf, ratioTo, agg, weight,
                bool(f, "required"), columns, bool(f, "key"));
    }

    private List<LevelRule> levels(Node n, Node parent) {
        if (n == null) {
            throw new TemplateException(file, parent, "thiếu submittingLevel");
        }
        List<LevelRule> out = new ArrayList<>();
        if (n instanceof ScalarNode) {
            out.add(new LevelRule(level(n), null, null));
        } else {
            for (Node item : seq(n)) {
                Map<String, Node> m = map(item, Set.of("level", "from", "to"));
                out.add(new LevelRule(level(require(m, item, "level")), date(m.get("from")), date(m.get("to"))));
            }
        }
        return List.copyOf(out);
    }

    private int level(Node n) {
        return switch (scalar(n, "level")) {
            case "PROVINCE" -> OrgUnit.PROVINCE;
            case "DISTRICT" -> OrgUnit.DISTRICT;
            case "COMMUNE" -> OrgUnit.COMMUNE;
            default -> throw new TemplateException(file, n, "cấp phải là PROVINCE, DISTRICT hoặc COMMUNE");
        };
    }

    private DueRule due(Node n, Node parent) {
        if (n == null) {
            throw new TemplateException(file, parent, "thiếu due (quy tắc hạn nộp)");
        }
        Map<String, Node> m = map(n, Set.of("rule", "day", "month", "days", "text"));
        DueRule.Kind kind = enumValue(DueRule.Kind.class, require(m, n, "rule"), "rule", n);
        int day = kind == DueRule.Kind.DAY_OF_LAST_MONTH || kind == DueRule.Kind.MONTH_DAY ? integer(m, n, "day", 1, 31) : 0;
        int month = kind == DueRule.Kind.MONTH_DAY ? integer(m, n, "month", 1, 12) : 0;
        int days = kind == DueRule.Kind.DAYS_AFTER_END ? integer(m, n, "days", 0, 366) : 0;
        return new DueRule(kind, day, month, days, text(m, n, "text", true));
    }

    // --- YAML helpers: each error names the node's line

    private Map<String, Node> map(Node n, Set<String> allowed) {
        if (!(n instanceof MappingNode mn)) {
            throw new TemplateException(file, n, "cần một bảng khóa: giá trị");
        }
        Map<String, Node> m = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = scalar(t.getKeyNode(), "key");
            if (!allowed.contains(key)) {
                throw new TemplateException(file, t.getKeyNode(), "khóa không biết: " + key + " (được dùng: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            m.put(key, t.getValueNode());
        }
        return m;
    }

    private List<Node> seq(Node n) {
        if (!(n instanceof SequenceNode sn)) {
            throw new TemplateException(file, n, "cần một danh sách");
        }
        return sn.getValue();
    }

    private String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw new TemplateException(file, n, what + " phải là một giá trị đơn");
        }
        return s.getValue();
    }

    private Node require(Map<String, Node> m, Node parent, String key) {
        Node n = m.get(key);
        if (n == null) {
            throw new TemplateException(file, parent, "thiếu " + key);
        }
        return n;
    }

    private String text(Map<String, Node> m, Node parent, String key, boolean required) {
        Node n = m.get(key);
        if (n == null) {
            if (required) {
                throw new TemplateException(file, parent, "thiếu " + key);
            }
            return null;
        }
        String s = scalar(n, key).strip();
        if (s.isEmpty() && required) {
            throw new TemplateException(file, n, key + " trống");
        }
        return s.isEmpty() ? null : s;
    }

    private int integer(Map<String, Node> m, Node parent, String key, int min, int max) {
        Node n = require(m, parent, key);
        try {
            int v = Integer.parseInt(scalar(n, key));
            if (v < min || v > max) {
                throw new TemplateException(file, n, key + " phải từ " + min + " đến " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TemplateException(file, n, key + " phải là số nguyên");
        }
    }

    private boolean bool(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return false;
        }
        String v = scalar(n, key);
        if (!v.equals("true") && !v.equals("false")) {
            throw new TemplateException(file, n, key + " phải là true hoặc false");
        }
        return v.equals("true");
    }

    private LocalDate date(Node n) {
        if (n == null) {
            return null;
        }
        try {
            return LocalDate.parse(scalar(n, "date"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new TemplateException(file, n, "ngày phải có dạng YYYY-MM-DD");
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, Node n, String key, Node parent) {
        if (n == null) {
            throw new TemplateException(file, parent, "thiếu " + key);
        }
        String v = scalar(n, key);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(file, n, key + " không hợp lệ: " + v + " (được dùng: "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
        }
    }
}
