package io.loadwise.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown with HTTP 404 for unknown addresses and for storefront slugs no coaching business uses.
 * Replaces Vaadin's development page, which would list every route.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2("Page not found");
        title.setId("not-found");
        String message = parameter.hasCustomMessage()
                ? parameter.getCustomMessage()
                : "There is nothing at /" + event.getLocation().getPath() + ".";
        Paragraph detail = new Paragraph(message);
        detail.setId("not-found-detail");
        add(title, detail, new Anchor("/", "Go to Loadwise"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
