package vn.xhht.document;

import java.io.IOException;

/** Zip bombs for tests of other modules. */
public final class XlsxZipBombTestSupport {
    private XlsxZipBombTestSupport() {
    }

    /** An .xlsx-looking zip whose sheet inflates to {@code megabytes} MB of zeros (a few hundred KB on disk). */
    public static byte[] bomb(int megabytes) throws IOException {
        return XlsxZipBombTest.bomb(megabytes);
    }
}
