package vn.xhht.document;

/** The uploaded file is not a readable .xlsx workbook. The message is for the user (Vietnamese). */
@org.springframework.modulith.NamedInterface("api")
public class SpreadsheetFormatException extends RuntimeException {
    public SpreadsheetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
