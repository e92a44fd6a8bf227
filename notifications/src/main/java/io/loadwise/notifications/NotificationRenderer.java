package io.loadwise.notifications;

/** Renders notifications from their templates, in the recipient's language, with the business's brand. */
public interface NotificationRenderer {

    /** @throws TemplateVariableMissingException when the model lacks a variable the type requires */
    RenderedMail mail(RenderRequest request);

    /** @throws TemplateVariableMissingException when the model lacks a variable the type requires */
    RenderedInApp inApp(RenderRequest request);
}
