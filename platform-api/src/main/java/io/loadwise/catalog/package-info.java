/** The catalog: what a coaching business sells (guides, custom plans, coaching packages). */
@NullMarked
package io.loadwise.catalog;

import org.jspecify.annotations.NullMarked;
