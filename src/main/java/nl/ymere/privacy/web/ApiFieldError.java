package nl.ymere.privacy.web;

/**
 * One field problem in an RFC 9457 response: {@code {"field": "requester.dateOfBirth", "message": "..."}}. The field
 * is a dotted path into the request body or the name of a query parameter. Messages never repeat the rejected value
 * (it may be personal data, DESIGN principle 2).
 */
public record ApiFieldError(String field, String message) {
}
