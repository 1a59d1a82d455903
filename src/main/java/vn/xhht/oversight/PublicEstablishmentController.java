package vn.xhht.oversight;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xhht.document.Downloads;
import vn.xhht.document.XlsxExport;

/** The public list pages (no login): search, one establishment, and the whole list as .csv or .xlsx. */
@Controller
class PublicEstablishmentController {

    private final PublicEstablishments list;
    private final XlsxExport xlsx;
    private final MessageSource messages;

    PublicEstablishmentController(PublicEstablishments list, XlsxExport xlsx, MessageSource messages) {
        this.list = list;
        this.xlsx = xlsx;
        this.messages = messages;
    }

    @GetMapping("/public/establishments")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("establishments", list.search(q, 100));
        return "public/establishments";
    }

    @GetMapping("/public/establishments/{id}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("e", list.get(id));
        return "public/establishment";
    }

    @GetMapping("/public/establishments.{format}")
    void download(@PathVariable String format, @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        Downloads.Format f = Downloads.Format.of(format);
        if (f != Downloads.Format.CSV && f != Downloads.Format.XLSX) {
            throw new vn.xhht.shared.NotFoundProblem("oversight.public.format", format);
        }
        String base = text("oversight.public.file");
        List<String> headers = List.of(text("oversight.name"), text("oversight.kind"), text("oversight.address"), text("oversight.commune"),
                text("oversight.status"), text("oversight.acts"), text("oversight.sanctions"));
        Downloads.attachment(response, f, base);
        if (f == Downloads.Format.XLSX) {
            xlsx.write(response.getOutputStream(), text("oversight.public.sheet"), text("oversight.public.title"),
                    headers.stream().map(h -> new XlsxExport.Column(h, XlsxExport.ColumnType.TEXT, 30)).toList(),
                    sink -> list.forEachRow(q, row -> sink.row(labelled(row))));
            return;
        }
        Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // a byte-order mark so that spreadsheet programs read Vietnamese as UTF-8
        w.write('\uFEFF');
        w.write(csvLine(headers.toArray()));
        list.forEachRow(q, row -> {
            try {
                w.write(csvLine(labelled(row)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
    }

    private Object[] labelled(Object[] row) {
        Object[] out = row.clone();
        out[1] = text("oversight.kind." + row[1]);
        out[4] = text("oversight.status." + row[4]);
        return out;
    }

    static String csvLine(Object[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = values[i] == null ? "" : values[i].toString();
            // a cell starting with = + - @ is a formula to spreadsheet programs: quoted with a leading apostrophe
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            b.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return b.append("\r\n").toString();
    }

    private String text(String key) {
        Locale l = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, l);
    }
}
