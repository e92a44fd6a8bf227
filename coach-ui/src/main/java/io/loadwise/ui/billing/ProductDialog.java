package io.loadwise.ui.billing;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.loadwise.billing.catalog.FieldProblem;
import io.loadwise.billing.catalog.InvalidCatalogInputException;
import io.loadwise.billing.catalog.Product;
import io.loadwise.billing.catalog.ProductDraft;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.catalog.UploadRejectedException;
import io.loadwise.billing.connect.StripeUnavailableException;
import io.loadwise.catalog.OfferKind;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.ui.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Adds or edits a product. The form checks what the catalog checks (so mistakes show at their
 * field before anything is saved); whatever the service still refuses is shown above the buttons.
 * A saved product can take its guide PDF and cover image, and be archived.
 */
final class ProductDialog extends Dialog {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 2000;
    static final int MAX_DESCRIPTION = 10000;
    static final int MAX_COVER_BYTES = 2 * 1024 * 1024;
    static final int MAX_GUIDE_BYTES = 50 * 1024 * 1024;

    private final ProductService products;
    private final String currency;
    private final Runnable afterChange;
    private @Nullable Product product;

    final Select<OfferKind> kind = new Select<>();
    final TextField title = new TextField("Title");
    final TextArea summary = new TextArea("Summary");
    final TextArea description = new TextArea("Description (optional)");
    final BigDecimalField price = new BigDecimalField("Price");
    final Select<String> interval = new Select<>();
    final IntegerField trialDays = new IntegerField("Free trial (days, optional)");
    final IntegerField pageCount = new IntegerField("Pages (optional)");
    final Checkbox active = new Checkbox("On sale");
    final IntegerField position = new IntegerField("Position");
    final Span formError = new Span();
    final Span fileError = new Span();
    private final Span syncState = new Span();
    private final Span fileState = new Span();

    ProductDialog(ProductService products, @Nullable Product product, String currency, Runnable afterChange) {
        this.products = products;
        this.product = product;
        this.currency = product == null ? currency : product.currency();
        this.afterChange = afterChange;
        setId("product-dialog");
        setHeaderTitle(product == null ? "Add product" : "Edit product");

        kind.setId("product-kind");
        kind.setLabel("Kind");
        kind.setItems(OfferKind.values());
        kind.setItemLabelGenerator(Labels::kind);
        kind.addValueChangeListener(e -> showKindFields());
        title.setId("product-title");
        title.setMaxLength(MAX_TITLE);
        summary.setId("product-summary");
        summary.setMaxLength(MAX_SUMMARY);
        description.setId("product-description");
        description.setMaxLength(MAX_DESCRIPTION);
        price.setId("product-price");
        price.setSuffixComponent(new Span(this.currency));
        interval.setId("product-interval");
        interval.setLabel("Billed");
        interval.setItems("month", "quarter");
        interval.setItemLabelGenerator(i -> "month".equals(i) ? "Monthly" : "Quarterly");
        trialDays.setId("product-trial-days");
        trialDays.setMin(1);
        trialDays.setMax(730);
        pageCount.setId("product-page-count");
        pageCount.setMin(1);
        pageCount.setHelperText("Read from the PDF when left empty.");
        active.setId("product-active");
        position.setId("product-position");
        position.setHelperText("Lower numbers come first on your storefront.");
        formError.setId("product-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        fileError.setId("product-file-error");
        fileError.getStyle().set("color", "var(--lumo-error-text-color)");
        syncState.setId("product-sync");
        fileState.setId("product-files");

        FormLayout form = new FormLayout(
                kind, title, summary, description, price, interval, trialDays, pageCount, position, active);
        form.setColspan(summary, 2);
        form.setColspan(description, 2);
        form.setMaxWidth("44rem");
        VerticalLayout content = new VerticalLayout(form);
        content.setPadding(false);
        add(content);

        if (product == null) {
            kind.setValue(OfferKind.GUIDE);
            active.setValue(true);
            position.setValue(0);
        } else {
            read(product);
            kind.setReadOnly(true);
            content.add(syncState, new H4("Files"), fileState, uploads(), fileError);
            Button archive = new Button("Archive", click -> archive());
            archive.setId("archive-product");
            archive.addThemeVariants(ButtonVariant.LUMO_ERROR);
            archive.setVisible(product.active());
            getFooter().add(archive);
        }
        content.add(formError);
        Button save = new Button("Save", click -> save());
        save.setId("save-product");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
        showKindFields();
    }

    private void read(Product p) {
        kind.setValue(p.kind());
        title.setValue(p.title());
        summary.setValue(p.summary());
        description.setValue(p.description() == null ? "" : p.description());
        price.setValue(Money.toMajor(p.priceMinor(), p.currency()));
        interval.setValue(p.billingInterval());
        trialDays.setValue(p.trialDays());
        pageCount.setValue(p.pageCount());
        active.setValue(p.active());
        position.setValue(p.position());
        syncState.setText(ProductsView.syncState(p)
                + (p.synced()
                        ? ""
                        : p.syncError() != null
                                ? " — " + p.syncError()
                                : " — it is saved, and syncs when the business's Stripe account is ready."));
        List<String> files = new ArrayList<>();
        if (p.kind() == OfferKind.GUIDE) {
            files.add(
                    p.hasGuideFile()
                            ? "Guide PDF uploaded"
                            : "No guide PDF yet — buyers cannot download it until you upload one");
        }
        files.add(p.hasCover() ? "Cover uploaded" : "No cover");
        fileState.setText(String.join(" · ", files));
    }

    private void showKindFields() {
        boolean coaching = kind.getValue() == OfferKind.COACHING;
        interval.setVisible(coaching);
        trialDays.setVisible(coaching);
        pageCount.setVisible(kind.getValue() == OfferKind.GUIDE);
        if (coaching && interval.getValue() == null) {
            interval.setValue("month");
        }
    }

    private VerticalLayout uploads() {
        VerticalLayout uploads = new VerticalLayout();
        uploads.setPadding(false);
        Product current = product;
        if (current == null) {
            return uploads;
        }
        if (current.kind() == OfferKind.GUIDE) {
            Upload guide = new Upload(
                    UploadHandler.inMemory((metadata, bytes) -> storeGuide(current.id(), metadata.fileName(), bytes)));
            guide.setId("guide-upload");
            guide.setMaxFiles(1);
            guide.setMaxFileSize(MAX_GUIDE_BYTES);
            guide.setAcceptedFileTypes("application/pdf", ".pdf");
            guide.setUploadButton(new Button("Upload guide PDF"));
            guide.addFileRejectedListener(e -> fileError.setText(e.getErrorMessage() + " The guide must be a PDF."));
            uploads.add(guide);
        }
        Upload cover = new Upload(UploadHandler.inMemory(
                (metadata, bytes) -> storeCover(current.id(), metadata.fileName(), metadata.contentType(), bytes)));
        cover.setId("cover-upload");
        cover.setMaxFiles(1);
        cover.setMaxFileSize(MAX_COVER_BYTES);
        cover.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        cover.setUploadButton(new Button("Upload cover image"));
        cover.addFileRejectedListener(e -> fileError.setText(
                e.getErrorMessage() + " The cover must be a PNG, JPEG or WebP image of at most 2 MB."));
        uploads.add(cover);
        return uploads;
    }

    /** Runs in the upload request (bound to the signed-in coach's tenant); the page is updated under the UI's lock. */
    private void storeGuide(UUID id, String fileName, byte[] pdf) {
        afterUpload(() -> products.uploadGuide(id, fileName, pdf), "Guide uploaded.");
    }

    private void storeCover(UUID id, String fileName, String contentType, byte[] image) {
        afterUpload(() -> products.uploadCover(id, fileName, contentType, image), "Cover uploaded.");
    }

    private void afterUpload(Supplier<Product> upload, String done) {
        try {
            Product saved = upload.get();
            getUI().ifPresent(ui -> ui.access(() -> {
                product = saved;
                fileError.setText("");
                read(saved);
                Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                afterChange.run();
            }));
        } catch (UploadRejectedException | IllegalArgumentException e) {
            getUI().ifPresent(ui -> ui.access(() -> fileError.setText(e.getMessage())));
        }
    }

    private void save() {
        Optional<ProductDraft> draft = draft();
        if (draft.isEmpty()) {
            return;
        }
        try {
            Product saved = product == null
                    ? products.create(draft.get())
                    : products.update(product.id(), product.version(), draft.get());
            Notification.show(
                            "“" + saved.title() + "” saved"
                                    + (saved.synced()
                                            ? " and synced to Stripe."
                                            : "; it syncs to Stripe when your account is ready."),
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            afterChange.run();
        } catch (StaleVersionException e) {
            Notification.show("This product was changed by someone else — reloaded. Apply your change again.")
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            close();
            afterChange.run();
        } catch (InvalidCatalogInputException e) {
            e.problems().forEach(this::show);
        } catch (StripeUnavailableException | IllegalArgumentException e) {
            formError.setText(e.getMessage());
        }
    }

    /** A problem the catalog found, at the field it names (or above the buttons). */
    private void show(FieldProblem problem) {
        HasValidation field =
                switch (problem.field()) {
                    case "kind" -> kind;
                    case "title" -> title;
                    case "summary" -> summary;
                    case "description" -> description;
                    case "priceMinor" -> price;
                    case "billingInterval" -> interval;
                    case "trialDays" -> trialDays;
                    case "pageCount" -> pageCount;
                    case "position" -> position;
                    default -> null;
                };
        if (field == null) {
            formError.setText(problem.message());
        } else {
            invalid(field, problem.message());
        }
    }

    private void archive() {
        Product current = product;
        if (current == null) {
            return;
        }
        try {
            Product archived = products.archive(current.id());
            Notification.show("“" + archived.title() + "” archived; past buyers keep what they bought.");
            close();
            afterChange.run();
        } catch (StripeUnavailableException | IllegalArgumentException e) {
            formError.setText(e.getMessage());
        }
    }

    /** The draft the form describes, or empty with each problem shown at its field. */
    Optional<ProductDraft> draft() {
        List<HasValidation> fields =
                List.of(kind, title, summary, description, price, interval, trialDays, pageCount, position);
        fields.forEach(f -> f.setInvalid(false));
        formError.setText("");
        boolean valid = true;
        OfferKind chosen = kind.getValue();
        if (chosen == null) {
            valid = invalid(kind, "Choose what kind of product this is.");
        }
        if (title.getValue().isBlank()) {
            valid = invalid(title, "Give the product a title.");
        }
        if (summary.getValue().isBlank()) {
            valid = invalid(summary, "Write a short summary for your storefront.");
        }
        Long priceMinor = null;
        if (price.getValue() == null) {
            valid = invalid(price, "Enter a price.");
        } else if (price.getValue().signum() < 0) {
            valid = invalid(price, "The price cannot be negative.");
        } else {
            Optional<Long> minor = Money.toMinor(price.getValue(), currency);
            if (minor.isEmpty()) {
                int digits = Money.digits(currency);
                valid = invalid(
                        price,
                        digits == 0 ? currency + " prices have no decimals." : "Use at most " + digits + " decimals.");
            } else if (minor.get() == 0) {
                valid = invalid(price, "Stripe needs a price above zero.");
            } else {
                priceMinor = minor.get();
            }
        }
        boolean coaching = chosen == OfferKind.COACHING;
        if (coaching && interval.getValue() == null) {
            valid = invalid(interval, "Choose how often a coaching package is billed.");
        }
        if (coaching && trialDays.getValue() != null && (trialDays.getValue() < 1 || trialDays.getValue() > 730)) {
            valid = invalid(trialDays, "A trial lasts between 1 and 730 days.");
        }
        if (chosen == OfferKind.GUIDE && pageCount.getValue() != null && pageCount.getValue() < 1) {
            valid = invalid(pageCount, "A guide has at least one page.");
        }
        if (position.getValue() == null) {
            valid = invalid(position, "Enter a position (0 is first).");
        }
        if (!valid || chosen == null || priceMinor == null || position.getValue() == null) {
            return Optional.empty();
        }
        String text =
                description.getValue().isBlank() ? null : description.getValue().trim();
        return Optional.of(new ProductDraft(
                chosen,
                title.getValue().trim(),
                summary.getValue().trim(),
                text,
                priceMinor,
                coaching ? interval.getValue() : null,
                coaching ? trialDays.getValue() : null,
                chosen == OfferKind.GUIDE ? pageCount.getValue() : null,
                active.getValue(),
                position.getValue()));
    }

    private static boolean invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return false;
    }
}
