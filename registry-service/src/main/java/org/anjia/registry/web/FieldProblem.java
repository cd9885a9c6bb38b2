package org.anjia.registry.web;

/**
 * One field that is wrong, named by its path in the request (e.g. {@code family.members[0].residentId}
 * or a form field key), with a message already in the caller's language.
 */
public record FieldProblem(String field, String message) {}
