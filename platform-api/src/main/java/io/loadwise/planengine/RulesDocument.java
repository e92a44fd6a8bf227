package io.loadwise.planengine;

/**
 * The business's rules as an editor reads them.
 *
 * @param version the version to send back when saving (the ETag); 0 while the defaults apply
 * @param platformDefault whether the business has not saved rules of its own yet
 */
public record RulesDocument(EngineRules rules, int version, boolean platformDefault) {}
