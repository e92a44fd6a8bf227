package io.loadwise.billing.delivery.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;
import org.springframework.stereotype.Component;

/**
 * Stamps a guide for one buyer: a licence line at the foot of every page, and the order id in the
 * document's subject and keywords, so a shared copy can be traced back to its order.
 *
 * <p>The line is set in Liberation Sans (openpdf-fonts-extra), embedded as a subset with Identity-H
 * encoding: buyers write their names in Polish, Czech, Greek or Russian, and the standard Helvetica
 * draws Windows-1252 only. The font is read once; a {@link BaseFont} holds no per-document state (each
 * stamper records its own glyph subset), so concurrent downloads share it.
 */
@Component
public class GuideStamper {

    /** Liberation Sans as openpdf-fonts-extra bundles it (a class path resource). */
    static final String FONT = "liberation/LiberationSans-Regular.ttf";

    private static final float FONT_SIZE = 7f;
    private static final float MARGIN = 18f;
    private static final Color INK = new Color(90, 90, 90);

    private final BaseFont baseFont;

    public GuideStamper() {
        try {
            this.baseFont = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The stamp font " + FONT + " is not on the class path", e);
        }
    }

    /**
     * @param licence the line printed on every page
     * @param orderId for the document's metadata
     * @return the stamped PDF
     * @throws UnstampableGuideException when the stored file cannot be read or written as a PDF
     */
    public byte[] stamp(byte[] pdf, String licence, String orderId) {
        try {
            PdfReader reader = new PdfReader(pdf);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4096);
                PdfStamper stamper = new PdfStamper(reader, out);
                Font font = new Font(baseFont, FONT_SIZE, Font.NORMAL, INK);
                String line = printable(licence);
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    footer(stamper.getOverContent(page), reader.getPageSizeWithRotation(page), line, font);
                }
                Map<String, String> info = new HashMap<>(reader.getInfo());
                info.put("Subject", "Licensed copy, order " + orderId);
                info.put("Keywords", join(info.get("Keywords"), "loadwise-order:" + orderId));
                stamper.setInfoDictionary(info);
                stamper.close();
                return out.toByteArray();
            } finally {
                reader.close();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnstampableGuideException(e);
        }
    }

    private static void footer(PdfContentByte over, Rectangle page, String line, Font font) throws DocumentException {
        // A column rather than a single line: long names and emails wrap instead of running off the page.
        ColumnText column = new ColumnText(over);
        column.setSimpleColumn(
                page.getLeft() + MARGIN,
                page.getBottom() + 4f,
                page.getRight() - MARGIN,
                page.getBottom() + MARGIN + 12f);
        column.setAlignment(Element.ALIGN_CENTER);
        column.setLeading(FONT_SIZE * 1.25f);
        column.addText(new Phrase(line, font));
        column.go();
    }

    /**
     * Latin, Greek and Cyrillic print as they are; a character the font has no glyph for (Chinese,
     * Arabic, emoji) would vanish silently, so it becomes a question mark instead.
     */
    String printable(String text) {
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                result.append(' ');
            } else {
                result.append(baseFont.charExists(cp) ? Character.toString(cp) : "?");
            }
        });
        return result.toString();
    }

    private static String join(@Nullable String existing, String addition) {
        return existing == null || existing.isBlank() ? addition : existing + ", " + addition;
    }

    /** The stored guide could not be stamped; nothing is served rather than an unstamped copy. */
    public static class UnstampableGuideException extends RuntimeException {
        UnstampableGuideException(Exception cause) {
            super("The guide's PDF could not be stamped", cause);
        }
    }
}
