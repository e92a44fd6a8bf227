package io.loadwise.local;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The demo's Tendon Health Guide, written as a real PDF at seed time (a title page and eleven
 * readable pages on loading tendons), so buying and downloading it in the local run shows a
 * believable guide with the buyer's stamp on every page. Also its short sibling, the Hamstring Mini
 * Tendon Guide.
 */
final class TendonGuidePdf {

    private static final Color TEAL = new Color(0x0f, 0x76, 0x6e);
    private static final Font TITLE = new Font(Font.HELVETICA, 34, Font.BOLD, TEAL);
    private static final Font SUBTITLE = new Font(Font.HELVETICA, 15, Font.NORMAL, Color.DARK_GRAY);
    private static final Font HEADING = new Font(Font.HELVETICA, 20, Font.BOLD, TEAL);
    private static final Font SUBHEADING = new Font(Font.HELVETICA, 12.5f, Font.BOLD, Color.BLACK);
    private static final Font BODY = new Font(Font.TIMES_ROMAN, 11.5f, Font.NORMAL, Color.BLACK);
    private static final Font SMALL = new Font(Font.HELVETICA, 9, Font.ITALIC, Color.GRAY);
    private static final Font CELL = new Font(Font.HELVETICA, 10, Font.NORMAL, Color.BLACK);
    private static final Font CELL_HEAD = new Font(Font.HELVETICA, 10, Font.BOLD, Color.WHITE);

    private TendonGuidePdf() {}

    /** A chapter: a page with a heading, paragraphs (a line starting with "## " is a subheading) and maybe a table. */
    private record Chapter(String title, List<String> paragraphs, List<List<String>> table) {

        Chapter(String title, List<String> paragraphs) {
            this(title, paragraphs, List.of());
        }
    }

    static byte[] tendonHealthGuide() {
        return write(
                "Tendon Health Guide",
                "Rehab progressions for hamstring, Achilles and patellar tendons - from isometrics to speed",
                List.of(
                        new Chapter(
                                "How to use this guide",
                                List.of(
                                        "Tendons adapt to load. They get stronger, stiffer and more tolerant when they are"
                                                + " loaded progressively, and they get irritable when load jumps faster than they can"
                                                + " adapt. Almost every tendon problem in runners starts with a change: more"
                                                + " mileage, more hills, new shoes, more speed work, or more sitting.",
                                        "This guide gives you a path back, in stages. Each stage has a goal, a few exercises"
                                                + " and clear criteria for moving on. Read chapters 1 to 3 once, then work through"
                                                + " the stages at the pace your tendon allows - not the pace your race calendar"
                                                + " wants.",
                                        "## What this guide is not",
                                        "It is not a diagnosis. If your pain started with a pop, a fall or a sudden sharp"
                                                + " pain, if you have swelling, night pain or numbness, or if nothing improves after"
                                                + " six weeks of sensible loading, see a physiotherapist or sports physician.")),
                        new Chapter(
                                "1. Why tendons hurt",
                                List.of(
                                        "A tendon connects muscle to bone and stores and returns energy like a spring. In"
                                                + " tendinopathy the tendon's structure is disorganised and it becomes sensitive to"
                                                + " load - especially compression (the hamstring tendon over the sitting bone, the"
                                                + " Achilles at its insertion) and fast, springy loading.",
                                        "Pain is a guide, not a damage meter. Tendon pain usually behaves in a typical way:"
                                                + " it warms up during activity, it is worse the next morning after too much load,"
                                                + " and it settles within a day when the load was right. That pattern is what we"
                                                + " use to steer your training.",
                                        "## Rest is not a treatment",
                                        "Complete rest makes symptoms quieter, and the tendon weaker. When you return, the"
                                                + " same load hurts again. The answer is to keep loading at a level the tendon"
                                                + " tolerates, and to raise it in steps.")),
                        new Chapter(
                                "2. The pain monitoring model",
                                List.of(
                                        "Rate your pain from 0 (none) to 10 (worst imaginable) during exercise, and again"
                                                + " the next morning with a simple test: for the hamstring a single-leg bridge, for"
                                                + " the Achilles ten single-leg heel raises, for the patellar tendon a single-leg"
                                                + " decline squat.",
                                        "Use the table below after every session. It is the same rule the Loadwise plan"
                                                + " engine uses with your daily check-ins."),
                                List.of(
                                        List.of("Pain", "During exercise", "Next morning", "What to do"),
                                        List.of("0-2", "Safe", "Back to baseline", "Progress as planned"),
                                        List.of("3-5", "Acceptable", "Back to baseline", "Repeat the same load"),
                                        List.of("3-5", "Acceptable", "Higher than baseline", "Step back one level"),
                                        List.of("6+", "Too much", "Any", "Step back two levels, tell your coach"))),
                        new Chapter(
                                "3. Stage one: isometrics",
                                List.of(
                                        "Isometric holds load the tendon without movement. They are the most comfortable"
                                                + " way to start, and for many people they reduce pain for a few hours.",
                                        "## Exercises",
                                        "Hamstring: long-lever bridge hold, 5 x 45 seconds. Achilles: heel-raise hold on a"
                                                + " step at mid-range, 5 x 45 seconds. Patellar: wall sit or Spanish squat at 60"
                                                + " degrees, 5 x 45 seconds. Rest two minutes between holds; aim for an effort of"
                                                + " about 7 out of 10.",
                                        "## Move on when",
                                        "You can do all five holds with pain of 3 or less, and your morning test is stable"
                                                + " for a week. Most runners spend one to three weeks here.")),
                        new Chapter(
                                "4. Stage two: heavy slow resistance",
                                List.of(
                                        "Heavy slow resistance builds the tendon's capacity. Each repetition takes about six"
                                                + " seconds: three seconds up, three seconds down. Heavy means the last repetition"
                                                + " of each set is hard.",
                                        "## Exercises",
                                        "Hamstring: Romanian deadlift and Nordic curl regressions. Achilles: seated and"
                                                + " standing calf raises with load. Patellar: leg press and split squat.",
                                        "Three sets of 15 in week one, then 12, 10, and finally 4 sets of 6 to 8 at a"
                                                + " heavier load by week eight. Train three times a week, never on consecutive"
                                                + " days.",
                                        "## Move on when",
                                        "You lift roughly your body weight for 3 x 8 (calf raises: 1.5 times body weight)"
                                                + " with pain of 3 or less, and running easy for 30 minutes is comfortable.")),
                        new Chapter(
                                "5. Stage three: energy storage",
                                List.of(
                                        "Running is a spring activity. Before speed work, the tendon has to tolerate fast"
                                                + " loading again. Start low and short: pogo hops, skipping, then bounding and"
                                                + " hill strides.",
                                        "Begin with 3 x 20 seconds of pogo hops twice a week, on days after a rest day."
                                                + " Add volume before you add height or speed. A spike in next-morning pain after"
                                                + " plyometrics is the most common setback of the whole programme - use the table"
                                                + " in chapter 2 strictly here.",
                                        "## Keep strength going",
                                        "Do not drop heavy slow resistance when plyometrics start. Reduce it to twice a"
                                                + " week and keep the loads.")),
                        new Chapter(
                                "6. Return to running",
                                List.of(
                                        "Run every other day at first. Start with walk-run intervals if running hurts above"
                                                + " 3, then continuous easy running. Increase weekly time by about ten percent, and"
                                                + " never change two things at once (distance and speed, or distance and hills).",
                                        "Hills and speed come last. Uphill running stresses the Achilles, downhill the"
                                                + " patellar tendon, fast running the hamstring. Introduce each as a small part of"
                                                + " one run per week."),
                                List.of(
                                        List.of("Week", "Runs", "Longest run", "Speed or hills"),
                                        List.of("1-2", "3 x walk-run", "25 min", "None"),
                                        List.of("3-4", "3 easy", "35 min", "None"),
                                        List.of("5-6", "4 easy", "45 min", "4 x 20 s strides"),
                                        List.of("7-8", "4, one steady", "60 min", "Short hill reps"))),
                        new Chapter(
                                "7. Hamstring tendon",
                                List.of(
                                        "Proximal hamstring tendinopathy is felt deep in the buttock at the sitting bone."
                                                + " It hates compression: long sitting, deep hip flexion and stretching the"
                                                + " hamstring. Avoid static hamstring stretches during the first stages.",
                                        "Sit on a cushion or a folded towel with the sore side off the edge. Break up"
                                                + " sitting every 30 minutes. In strength work, start with the hip fairly straight"
                                                + " (bridges) and only later go deeper (Romanian deadlifts to mid-shin).",
                                        "Speed sessions and hills are the classic triggers. Bring them back last, with"
                                                + " shortened strides at first.")),
                        new Chapter(
                                "8. Achilles tendon",
                                List.of(
                                        "Mid-portion Achilles pain sits two to six centimetres above the heel; insertional"
                                                + " pain right where the tendon meets the heel bone. Insertional pain is"
                                                + " compression-sensitive: do heel raises on flat ground, not off a step, at first.",
                                        "Calf strength is the key number. Count single-leg heel raises to fatigue at a"
                                                + " steady pace; healthy runners manage 25 or more. Test both sides every two"
                                                + " weeks and write the numbers down.",
                                        "Footwear changes matter: a sudden switch to a lower heel drop is a frequent cause."
                                                + " Change shoes gradually.")),
                        new Chapter(
                                "9. Patellar tendon",
                                List.of(
                                        "Patellar tendon pain sits just below the kneecap and is worse on stairs, squats"
                                                + " and downhill running. It is common in runners who also jump or do a lot of"
                                                + " downhill trail running.",
                                        "Spanish squats and decline squats load it well. Keep the knee over the toes and"
                                                + " go only as deep as the pain table allows. Leg press is a good heavy"
                                                + " exercise because you control the depth precisely.")),
                        new Chapter(
                                "10. A training week",
                                List.of("Here is how a week looks in stage two for a runner with hamstring"
                                        + " tendinopathy. The same shape works for the Achilles and patellar tendon with"
                                        + " the exercises of their chapters."),
                                List.of(
                                        List.of("Day", "Session", "Notes"),
                                        List.of("Mon", "Strength A", "RDL, bridge, calf raise"),
                                        List.of("Tue", "Easy run 30 min", "Pain 3 or less"),
                                        List.of("Wed", "Rest or cross-training", "Bike or pool running"),
                                        List.of("Thu", "Strength B", "Nordic regression, split squat"),
                                        List.of("Fri", "Easy run 30 min", ""),
                                        List.of("Sat", "Strength A", ""),
                                        List.of("Sun", "Long easy run or rest", "Check next-morning pain"))),
                        new Chapter(
                                "11. Questions runners ask",
                                List.of(
                                        "## Can I race?",
                                        "Yes, once you have completed stage three and run the race distance in training"
                                                + " without a next-morning flare. Expect to race below your best the first time.",
                                        "## Should I stretch?",
                                        "Not the painful tendon in the early stages: stretching compresses it. Mobility"
                                                + " work for the rest of the body is fine.",
                                        "## How long does it take?",
                                        "Most runners need three to six months to be fully back. Tendons adapt slowly,"
                                                + " which is why consistency beats intensity. Your coach adjusts the plan from your"
                                                + " check-ins so you do not have to guess."))));
    }

    static byte[] hamstringMiniGuide() {
        return write(
                "Hamstring Mini Tendon Guide",
                "The short version for the nagging ache at the top of the hamstring",
                List.of(
                        new Chapter(
                                "What is going on",
                                List.of("An ache deep in the buttock, worse when sitting and on fast runs, is usually"
                                        + " proximal hamstring tendinopathy. It responds to loading, not to rest.")),
                        new Chapter(
                                "What to load",
                                List.of("Start with long-lever bridge holds (5 x 45 s), then single-leg bridges and"
                                        + " Romanian deadlifts to knee height. Three times a week, heavy and slow.")),
                        new Chapter(
                                "What to avoid",
                                List.of(
                                        "Static hamstring stretches, long sitting on hard chairs, and hill sprints until"
                                                + " strength work is pain-free. Keep running easy if pain stays at 3 or less."))));
    }

    private static byte[] write(String title, String subtitle, List<Chapter> chapters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document document = new Document(PageSize.A4, 64, 64, 72, 72)) {
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addAuthor("Ruth Okafor, Stride Coaching");
            document.open();
            titlePage(document, title, subtitle);
            for (Chapter chapter : chapters) {
                document.newPage();
                chapter(document, chapter);
            }
        }
        return out.toByteArray();
    }

    private static void titlePage(Document document, String title, String subtitle) {
        Paragraph spacer = new Paragraph(" ");
        spacer.setSpacingBefore(160);
        document.add(spacer);
        Paragraph heading = new Paragraph(title, TITLE);
        heading.setAlignment(Element.ALIGN_CENTER);
        document.add(heading);
        Paragraph sub = new Paragraph(subtitle, SUBTITLE);
        sub.setAlignment(Element.ALIGN_CENTER);
        sub.setSpacingBefore(18);
        document.add(sub);
        Paragraph author = new Paragraph("Ruth Okafor - Stride Coaching", SUBTITLE);
        author.setAlignment(Element.ALIGN_CENTER);
        author.setSpacingBefore(120);
        document.add(author);
        Paragraph note =
                new Paragraph("A Loadwise demo guide. General information for runners, not medical advice.", SMALL);
        note.setAlignment(Element.ALIGN_CENTER);
        note.setSpacingBefore(12);
        document.add(note);
    }

    private static void chapter(Document document, Chapter chapter) {
        Paragraph heading = new Paragraph(chapter.title(), HEADING);
        heading.setSpacingAfter(14);
        document.add(heading);
        for (String text : chapter.paragraphs()) {
            Paragraph paragraph;
            if (text.startsWith("## ")) {
                paragraph = new Paragraph(text.substring(3), SUBHEADING);
                paragraph.setSpacingBefore(8);
                paragraph.setSpacingAfter(4);
            } else {
                paragraph = new Paragraph(new Chunk(text, BODY));
                paragraph.setLeading(16);
                paragraph.setSpacingAfter(8);
                paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
            }
            document.add(paragraph);
        }
        if (!chapter.table().isEmpty()) {
            document.add(table(chapter.table()));
        }
    }

    private static PdfPTable table(List<List<String>> rows) {
        PdfPTable table = new PdfPTable(rows.getFirst().size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        for (int r = 0; r < rows.size(); r++) {
            for (String value : rows.get(r)) {
                PdfPCell cell = new PdfPCell(new Paragraph(value, r == 0 ? CELL_HEAD : CELL));
                cell.setPadding(5);
                if (r == 0) {
                    cell.setBackgroundColor(TEAL);
                }
                table.addCell(cell);
            }
        }
        return table;
    }
}
