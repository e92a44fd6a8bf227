package io.loadwise.billing.catalog;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/** Small real files for upload tests. */
final class TestFiles {

    /** A 1×1 transparent PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private TestFiles() {}

    static byte[] pdf(int pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document document = new Document()) {
            PdfWriter.getInstance(document, out);
            document.open();
            for (int page = 1; page <= pages; page++) {
                document.add(new Paragraph("Tendon loading, page " + page));
                if (page < pages) {
                    document.newPage();
                }
            }
        }
        return out.toByteArray();
    }
}
