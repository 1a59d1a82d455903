package vn.xhht.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Small server-drawn SVG charts (no script, no CDN): grouped horizontal bars and a two-series line chart. */
final class SvgCharts {

    private SvgCharts() {
    }

    /** One category with this period's value and last year's (either may be null). */
    record Bar(String label, BigDecimal current, BigDecimal previous) {
    }

    /** The accessible name of the chart (role="img" needs one): the two series it compares. */
    private static void title(StringBuilder s, String currentName, String previousName) {
        s.append("<title>").append(esc(currentName)).append(previousName == null ? "" : " – " + esc(previousName)).append("</title>");
    }

    static String bars(List<Bar> bars, String currentName, String previousName) {
        double max = bars.stream().flatMap(b -> java.util.stream.Stream.of(b.current(), b.previous())).filter(java.util.Objects::nonNull)
                .mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        int row = 34, labelW = 150, width = 640, chartW = width - labelW - 60;
        int height = bars.size() * row + 30;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\">");
        title(s, currentName, previousName);
        legend(s, currentName, previousName, labelW);
        int y = 24;
        for (Bar b : bars) {
            s.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(y + 14).append("\" text-anchor=\"end\" class=\"lbl\">")
                    .append(esc(shorten(b.label(), 24))).append("</text>");
            bar(s, labelW, y, b.current(), max, chartW, "cur");
            bar(s, labelW, y + 13, b.previous(), max, chartW, "prev");
            y += row;
        }
        return s.append("</svg>").toString();
    }

    static String lines(List<String> labels, List<BigDecimal> current, List<BigDecimal> previous, String currentName, String previousName) {
        double max = java.util.stream.Stream.concat(current.stream(), previous.stream()).filter(java.util.Objects::nonNull)
                .mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        int width = 640, height = 220, left = 50, bottom = 190, top = 30;
        double step = labels.size() <= 1 ? 0 : (width - left - 30) / (double) (labels.size() - 1);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">");
        title(s, currentName, previousName);
        legend(s, currentName, previousName, left);
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"").append(width - 20).append("\" y2=\"").append(bottom)
                .append("\" class=\"axis\"/>");
        for (int i = 0; i < labels.size(); i++) {
            s.append("<text x=\"").append(fmt(left + i * step)).append("\" y=\"").append(bottom + 16).append("\" text-anchor=\"middle\" class=\"lbl\">")
                    .append(esc(labels.get(i))).append("</text>");
        }
        s.append("<text x=\"").append(left - 6).append("\" y=\"").append(top + 4).append("\" text-anchor=\"end\" class=\"lbl\">")
                .append(esc(ReportDocuments.format(BigDecimal.valueOf(max)))).append("</text>");
        polyline(s, previous, max, left, step, bottom, top, "prev");
        polyline(s, current, max, left, step, bottom, top, "cur");
        return s.append("</svg>").toString();
    }

    private static void polyline(StringBuilder s, List<BigDecimal> values, double max, int left, double step, int bottom, int top, String cls) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                continue;
            }
            double y = max <= 0 ? bottom : bottom - (bottom - top) * values.get(i).doubleValue() / max;
            pts.append(fmt(left + i * step)).append(',').append(fmt(y)).append(' ');
            s.append("<circle cx=\"").append(fmt(left + i * step)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3\" class=\"").append(cls).append("\"/>");
        }
        s.append("<polyline fill=\"none\" points=\"").append(pts.toString().strip()).append("\" class=\"").append(cls).append("\"/>");
    }

    private static void legend(StringBuilder s, String currentName, String previousName, int x) {
        s.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"12\" height=\"10\" class=\"cur\"/><text x=\"").append(x + 16)
                .append("\" y=\"13\" class=\"lbl\">").append(esc(currentName)).append("</text>");
        s.append("<rect x=\"").append(x + 180).append("\" y=\"4\" width=\"12\" height=\"10\" class=\"prev\"/><text x=\"").append(x + 196)
                .append("\" y=\"13\" class=\"lbl\">").append(esc(previousName)).append("</text>");
    }

    private static void bar(StringBuilder s, int x, int y, BigDecimal v, double max, int chartW, String cls) {
        double w = v == null || max <= 0 ? 0 : chartW * v.doubleValue() / max;
        s.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w)).append("\" height=\"11\" class=\"")
                .append(cls).append("\"/>");
        s.append("<text x=\"").append(fmt(x + w + 4)).append("\" y=\"").append(y + 10).append("\" class=\"val\">")
                .append(v == null ? "—" : esc(ReportDocuments.format(v))).append("</text>");
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String shorten(String s, int n) {
        return s == null ? "" : s.length() > n ? s.substring(0, n - 1) + "…" : s;
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
