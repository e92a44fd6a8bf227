package io.loadwise.ui.roster;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientNote;
import io.loadwise.roster.ClientProfileService;
import io.loadwise.roster.ProfileRules;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Coach-private notes about one client, newest first. Note text is shown as text (Vaadin escapes
 * it), so HTML a coach typed is displayed, not interpreted.
 */
class NotesPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ClientId client;
    private final ClientProfileService profiles;
    private final ZoneId zone;
    private final TextArea newNote = new TextArea("New note");
    private final Div list = new Div();

    NotesPanel(ClientId client, ClientProfileService profiles, ZoneId zone) {
        this.client = client;
        this.profiles = profiles;
        this.zone = zone;
        setPadding(false);
        setId("notes-panel");
        newNote.setId("new-note");
        newNote.setWidthFull();
        newNote.setMaxLength(ProfileRules.MAX_NOTE_LENGTH);
        newNote.setHelperText("Only coaches see notes; the client never does.");
        Button add = new Button("Add note", click -> add());
        add.setId("add-note");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        list.setId("notes");
        list.setWidthFull();
        add(newNote, add, list);
        reload();
    }

    private void add() {
        try {
            profiles.addNote(client, newNote.getValue());
            newNote.clear();
            newNote.setInvalid(false);
            reload();
        } catch (IllegalArgumentException e) {
            newNote.setErrorMessage(e.getMessage());
            newNote.setInvalid(true);
        }
    }

    private void reload() {
        list.removeAll();
        var notes = profiles.notes(client);
        if (notes.isEmpty()) {
            Paragraph none = new Paragraph("No notes yet.");
            none.setId("no-notes");
            list.add(none);
        }
        notes.forEach(note -> list.add(new NoteCard(note)));
    }

    /** One note: its text and author, with edit and delete. */
    private final class NoteCard extends Div {

        private final ClientNote note;

        NoteCard(ClientNote note) {
            this.note = note;
            addClassName("note");
            getStyle()
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                    .set("padding", "var(--lumo-space-s) 0");
            show();
        }

        private void show() {
            removeAll();
            Paragraph body = new Paragraph(note.body());
            body.addClassName("note-body");
            body.getStyle().set("white-space", "pre-wrap").set("margin", "0");
            Span meta = new Span((note.authorName() == null ? "A former coach" : note.authorName()) + " · "
                    + WHEN.format(note.createdAt().atZone(zone))
                    + (note.version() > 0 ? " (edited)" : ""));
            meta.addClassName("note-meta");
            meta.getStyle()
                    .set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            Button edit = new Button("Edit", click -> edit());
            edit.addClassName("edit-note");
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Button delete = new Button("Delete", click -> delete());
            delete.addClassName("delete-note");
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            add(body, new HorizontalLayout(meta, edit, delete));
        }

        private void edit() {
            removeAll();
            TextArea text = new TextArea();
            text.addClassName("note-editor");
            text.setWidthFull();
            text.setMaxLength(ProfileRules.MAX_NOTE_LENGTH);
            text.setValue(note.body());
            Button save = new Button("Save", click -> save(text));
            save.addClassName("save-note");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button cancel = new Button("Cancel", click -> show());
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(text, new HorizontalLayout(save, cancel));
        }

        private void save(TextArea text) {
            try {
                profiles.updateNote(client, note.id(), note.version(), text.getValue());
                reload();
            } catch (IllegalArgumentException e) {
                text.setErrorMessage(e.getMessage());
                text.setInvalid(true);
            } catch (StaleVersionException e) {
                Forms.conflict();
                reload();
            } catch (NotFoundException e) {
                Forms.error("This note was deleted by someone else.");
                reload();
            }
        }

        private void delete() {
            try {
                profiles.removeNote(client, note.id());
            } catch (NotFoundException alreadyGone) {
                // Deleted by someone else meanwhile: the reload shows the list as it is.
            }
            reload();
        }
    }
}
