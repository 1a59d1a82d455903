package vn.xhht.reporting;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import vn.xhht.shared.InvalidInputProblem;

/** The shipped report templates ({@code classpath:reporting/templates/*.yml}), checked at start. */
@Component
public class TemplateCatalog {

    private final Map<String, ReportTemplate> templates = new LinkedHashMap<>();

    TemplateCatalog() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:reporting/templates/*.yml");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource r : files) {
                try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                    ReportTemplate t = TemplateLoader.load("reporting/templates/" + r.getFilename(), in);
                    if (templates.putIfAbsent(t.code(), t) != null) {
                        throw new IllegalStateException(r.getFilename() + ": mã mẫu trùng " + t.code());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ReportTemplate> all() {
        return List.copyOf(templates.values());
    }

    public Optional<ReportTemplate> find(String code) {
        return Optional.ofNullable(code == null ? null : templates.get(code.strip()));
    }

    public ReportTemplate require(String code) {
        return find(code).orElseThrow(() -> new InvalidInputProblem("templateCode", "report.template.unknown", code == null ? "" : code));
    }
}
