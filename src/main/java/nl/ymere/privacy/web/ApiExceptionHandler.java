package nl.ymere.privacy.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The API's one error format (DESIGN principle 7, "The product API"): RFC 9457 {@code application/problem+json}
 * with {@code status}, {@code title}, {@code detail} and, for field problems, {@code errors: [{field, message}]} with
 * dotted paths ({@code requester.dateOfBirth}) or query parameter names. Spring MVC's own exceptions (415, 405, 404,
 * 413 for uploads, ...) come from {@link ResponseEntityExceptionHandler}; this class adds the field lists, the
 * product's {@link ApiProblemException}s and a 500 that reveals nothing. Messages never echo rejected values: they may
 * be personal data (DESIGN principle 2).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  static final String INVALID_REQUEST = "Invalid request";
  static final String FIELD_ERRORS = "errors";

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** 400, 404, 409, 413, 422 thrown by product code. */
  @ExceptionHandler(ApiProblemException.class)
  ResponseEntity<Object> handleApiProblem(ApiProblemException ex, WebRequest request) {
    return problem(ex, ex.status(), ex.title(), ex.detail(), ex.errors(), request);
  }

  /** Bean validation of service arguments ({@code @Validated} beans): 400 with the property paths. */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
    List<ApiFieldError> errors = ex.getConstraintViolations().stream()
        .map(violation -> new ApiFieldError(propertyPath(violation), violation.getMessage()))
        .sorted(Comparator.comparing(ApiFieldError::field, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
    return invalid(ex, errors, request);
  }

  /** The engine refused an action by its authorizations. */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> handleEngineAuthorization(AuthorizationException ex, WebRequest request) {
    return problem(ex, HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow this action.", List.of(),
        request);
  }

  /**
   * Spring Security answers these itself (401 with a challenge, 403), in the same problem format: rethrowing the
   * same exception lets it pass on to Spring Security's filter.
   */
  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void passToSpringSecurity(RuntimeException ex) {
    throw ex;
  }

  /** Anything unexpected: 500 without internals (the log has them); a database that cannot be reached: 503. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
    if (DatabaseUnavailable.causedBy(ex)) {
      // issue 15 item 3: one line, no stack trace (the node's health says DOWN too); the client may try again
      log.warn("Database unavailable answering {}: {}", request.getDescription(false), DatabaseUnavailable.describe(ex));
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          DatabaseUnavailable.DETAIL);
      problem.setTitle(DatabaseUnavailable.TITLE);
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }
    log.error("Unexpected error answering {}", request.getDescription(false), ex);
    return problem(ex, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "The request could not be completed because of an unexpected error.", List.of(), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return invalid(ex, bodyFieldErrors(mapping), request);
    }
    String detail = cause instanceof JsonMappingException
        ? "The request body does not have the expected structure (a JSON object)."
        : cause instanceof JsonProcessingException
            ? "The request body is not valid JSON."
            : "The request body is missing or unreadable.";
    return problem(ex, HttpStatus.BAD_REQUEST, INVALID_REQUEST, detail, List.of(), request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<ApiFieldError> errors = new ArrayList<>();
    ex.getBindingResult().getFieldErrors().stream()
        .sorted(Comparator.comparing(FieldError::getField))
        .forEach(error -> errors.add(new ApiFieldError(error.getField(), messageOf(error))));
    for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
      errors.add(new ApiFieldError(null, messageOf(error)));
    }
    return invalid(ex, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<ApiFieldError> errors = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      String parameter = parameterName(result);
      if (result instanceof ParameterErrors bean) {
        bean.getFieldErrors().forEach(error ->
            errors.add(new ApiFieldError(parameter + "." + error.getField(), messageOf(error))));
        bean.getGlobalErrors().forEach(error -> errors.add(new ApiFieldError(parameter, messageOf(error))));
      } else {
        result.getResolvableErrors().forEach(error -> errors.add(new ApiFieldError(parameter, messageOf(error))));
      }
    }
    for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
      errors.add(new ApiFieldError(null, messageOf(error)));
    }
    if (errors.isEmpty()) {
      return super.handleHandlerMethodValidationException(ex, headers, status, request);
    }
    return invalid(ex, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(ex, List.of(new ApiFieldError(ex.getParameterName(), "is required")), request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
        : ex.getPropertyName();
    return invalid(ex, List.of(new ApiFieldError(field, expected(ex.getRequiredType()))), request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return problem(ex, HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address.", List.of(), request);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private ResponseEntity<Object> invalid(Exception ex, List<ApiFieldError> errors, WebRequest request) {
    return problem(ex, HttpStatus.BAD_REQUEST, INVALID_REQUEST, ApiValidationException.describe(errors), errors,
        request);
  }

  private ResponseEntity<Object> problem(Exception ex, HttpStatus status, String title, String detail,
      List<ApiFieldError> errors, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (!errors.isEmpty()) {
      problem.setProperty(FIELD_ERRORS, errors);
    }
    return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
  }

  /** Field problems of a JSON body, named by their dotted path (Jackson's path: {@code requester.dateOfBirth}). */
  private static List<ApiFieldError> bodyFieldErrors(JsonMappingException ex) {
    String path = jsonPath(ex.getPath());
    if (ex instanceof ValueInstantiationException) {
      ApiValidationException validation = causeOfType(ex, ApiValidationException.class);
      if (validation != null) {
        return validation.errors().stream()
            .map(error -> new ApiFieldError(join(path, error.field()), error.message())).toList();
      }
      return List.of(new ApiFieldError(path, "has an invalid value"));
    }
    if (ex instanceof UnrecognizedPropertyException) {
      return List.of(new ApiFieldError(path, "is not a known field"));
    }
    if (ex instanceof ControlCharacterModule.ControlCharacterException control) {
      return List.of(new ApiFieldError(path, control.getOriginalMessage()));
    }
    if (ex instanceof InvalidFormatException format) {
      return List.of(new ApiFieldError(path, expected(format.getTargetType())));
    }
    if (ex instanceof MismatchedInputException mismatch) {
      return List.of(new ApiFieldError(path, expected(mismatch.getTargetType())));
    }
    return List.of(new ApiFieldError(path, "has an invalid value"));
  }

  static String jsonPath(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String join(String path, String field) {
    if (field == null || field.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? field : path + "." + field;
  }

  /** What a value of the type must look like, without repeating the rejected value. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "has an invalid value";
    }
    if (type.isEnum()) {
      return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
    }
    if (type == LocalDate.class) {
      return IsoDates.DATE_EXPECTED;
    }
    if (type == DateOrDateTime.class) {
      return IsoDates.DATE_OR_DATE_TIME_EXPECTED;
    }
    if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class) {
      return "must be a date-time with an offset or Z (e.g. 2026-03-01T10:15:00+01:00)";
    }
    if (type == LocalTime.class) {
      return "must be a time (hh:mm)";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == UUID.class) {
      return "must be a UUID";
    }
    if (type == String.class) {
      return "must be text";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be a list";
    }
    return "must be an object";
  }

  private static String parameterName(ParameterValidationResult result) {
    RequestParam requestParam = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
    if (requestParam != null && !requestParam.name().isEmpty()) {
      return requestParam.name();
    }
    return result.getMethodParameter().getParameterName();
  }

  private static String propertyPath(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.PARAMETER
          || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
        continue;
      }
      if (node.isInIterable()) {
        path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(node.getName());
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  private static String messageOf(MessageSourceResolvable error) {
    return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
  }

  private static <T extends Throwable> T causeOfType(Throwable ex, Class<T> type) {
    for (Throwable cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
