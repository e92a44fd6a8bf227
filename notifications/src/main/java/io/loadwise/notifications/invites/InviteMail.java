package io.loadwise.notifications.invites;

/** A rendered invite: subject, plain-text body and HTML body of the same message. */
record InviteMail(String subject, String text, String html) {}
