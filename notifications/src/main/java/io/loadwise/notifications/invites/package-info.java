/** The mails that carry an account link: client and coach invites, and the signup's email confirmation. */
@NullMarked
package io.loadwise.notifications.invites;

import org.jspecify.annotations.NullMarked;
