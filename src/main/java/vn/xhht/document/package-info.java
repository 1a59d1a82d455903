/**
 * The one document and export component every module uses: official documents in the layout of
 * Nghị định 30/2020/NĐ-CP rendered to .docx (Apache POI) and .pdf (openhtmltopdf with Liberation Serif shipped in
 * a jar), a streaming .xlsx export of any table, and a streaming .xlsx reader for imports.
 * API: {@link vn.xhht.document.OfficialDocument}, {@link vn.xhht.document.DocumentRenderer},
 * {@link vn.xhht.document.XlsxExport}, {@link vn.xhht.document.XlsxRows}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents and exports",
        allowedDependencies = {"shared"})
package vn.xhht.document;
