package io.loadwise.billing.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class GuideStamperTests {

    static final String ORDER = "1f2e3d4c-0000-7000-8000-000000000001";
    static final String LICENCE = "Licensed to Jess Doe <jess@example.com> · Order " + ORDER
            + " · Stride Coaching — personal copy, please do not share";

    GuideStamper stamper = new GuideStamper();

    @Test
    void every_page_carries_the_licence_line_and_the_guide_text_stays() throws IOException {
        byte[] stamped = stamper.stamp(guide(5, PageSize.A4), LICENCE, ORDER);

        PdfReader reader = new PdfReader(stamped);
        assertThat(reader.getNumberOfPages()).isEqualTo(5);
        PdfTextExtractor text = new PdfTextExtractor(reader);
        for (int page = 1; page <= 5; page++) {
            String onPage = normalized(text.getTextFromPage(page));
            assertThat(onPage).contains("Tendon health, page " + page);
            assertThat(onPage)
                    .contains("Licensed to Jess Doe <jess@example.com>")
                    .contains(ORDER)
                    .contains("Stride Coaching — personal copy, please do not share");
        }
    }

    @Test
    void the_order_id_is_in_the_documents_subject_and_keywords() throws IOException {
        byte[] stamped = stamper.stamp(guide(1, PageSize.LETTER), LICENCE, ORDER);

        PdfReader reader = new PdfReader(stamped);
        assertThat(reader.getInfo().get("Subject")).contains(ORDER);
        assertThat(reader.getInfo().get("Keywords")).contains(ORDER);
        assertThat(reader.getInfo().get("Title")).isEqualTo("Tendon Health Guide");
    }

    @Test
    void landscape_and_small_pages_are_stamped_too() throws IOException {
        byte[] stamped = stamper.stamp(guide(2, PageSize.A6.rotate()), LICENCE, ORDER);

        PdfTextExtractor text = new PdfTextExtractor(new PdfReader(stamped));
        assertThat(normalized(text.getTextFromPage(1) + text.getTextFromPage(2)))
                .contains("jess@example.com")
                .contains("do not share");
    }

    @Test
    void polish_and_cyrillic_names_come_back_exactly_as_the_buyer_wrote_them() throws IOException {
        for (String buyer : List.of("Łukasz Żółć <łukasz@example.pl>", "Анна Петрова <anna@example.ru>")) {
            String licence = "Licensed to " + buyer + " · Order " + ORDER;

            byte[] stamped = stamper.stamp(guide(2, PageSize.A4), licence, ORDER);

            PdfTextExtractor text = new PdfTextExtractor(new PdfReader(stamped));
            for (int page = 1; page <= 2; page++) {
                assertThat(normalized(text.getTextFromPage(page)))
                        .contains("Licensed to " + buyer)
                        .contains(ORDER);
            }
        }
    }

    @Test
    void the_stamp_font_is_embedded_so_any_reader_draws_the_same_glyphs() throws IOException {
        byte[] stamped = stamper.stamp(guide(1, PageSize.A4), "Licensed to Łukasz Żółć", ORDER);

        PdfReader reader = new PdfReader(stamped);
        List<String> embedded = new ArrayList<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (PdfReader.getPdfObject(reader.getPdfObject(i)) instanceof PdfDictionary dict
                    && PdfName.FONTDESCRIPTOR.equals(dict.getAsName(PdfName.TYPE))
                    && dict.contains(PdfName.FONTFILE2)) {
                embedded.add(dict.getAsName(PdfName.FONTNAME).toString());
            }
        }
        assertThat(embedded).singleElement().asString().matches("/[A-Z]{6}\\+LiberationSans");
    }

    @Test
    void characters_the_font_cannot_draw_become_question_marks_rather_than_vanishing() {
        assertThat(stamper.printable("Licensed to Ольга · Zoë · Łukasz · 李雷\n"))
                .isEqualTo("Licensed to Ольга · Zoë · Łukasz · ?? ");
    }

    @Test
    void a_file_that_is_not_a_pdf_is_refused() {
        assertThatThrownBy(() -> stamper.stamp("not a pdf".getBytes(), LICENCE, ORDER))
                .isInstanceOf(GuideStamper.UnstampableGuideException.class);
    }

    /** A few pages of text, titled like a real guide. */
    static byte[] guide(int pages, org.openpdf.text.Rectangle size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(size);
        PdfWriter.getInstance(document, out);
        document.addTitle("Tendon Health Guide");
        document.open();
        for (int page = 1; page <= pages; page++) {
            if (page > 1) {
                document.newPage();
            }
            document.add(new Paragraph("Tendon health, page " + page));
        }
        document.close();
        return out.toByteArray();
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
