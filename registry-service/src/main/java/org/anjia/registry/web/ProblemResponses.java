package org.anjia.registry.web;

import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as RFC 9457 problem+json, localized, with field-level messages under
 * {@code errors} so a page can show each next to its field.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private final Labels labels;

  ProblemResponses(Labels labels, MessageSource messageSource) {
    this.labels = labels;
    setMessageSource(messageSource);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), getMessageSource()
            .getMessage(error, LocaleContextHolder.getLocale())))
        .toList();
    return ResponseEntity.badRequest().body(invalid(problems));
  }

  /** A parameter outside its allowed values (e.g. an unknown document type) is a problem of that field. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
    return ResponseEntity.badRequest()
        .body(invalid(List.of(new FieldProblem(field, labels.of("anjia.validation.invalidValue")))));
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
    return ResponseEntity.badRequest().body(invalid(ex.problems()));
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        labels.of(ex.detailCode() == null ? "problem.notFound.detail" : ex.detailCode()));
    problem.setTitle(labels.of("problem.notFound.title"));
    return problem;
  }

  /** 429 with the seconds to wait, in the header (RFC 9110 Retry-After) and in words. */
  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        labels.of("problem.tooManyRequests.detail", String.valueOf(ex.retryAfterSeconds())));
    problem.setTitle(labels.of("problem.tooManyRequests.title"));
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
        .body(problem);
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, labels.of(ex.messageCode(), ex.args()));
    problem.setTitle(labels.of("problem.conflict.title"));
    ex.properties().forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(ServiceUnavailableException.class)
  ResponseEntity<ProblemDetail> serviceUnavailable(ServiceUnavailableException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        labels.of("problem." + ex.code() + ".detail", String.valueOf(ex.retryAfterSeconds())));
    problem.setTitle(labels.of("problem." + ex.code() + ".title"));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
        .body(problem);
  }

  /**
   * The database unreachable (stopped, restarting, network): 503 with Retry-After instead of a 500, so
   * clients retry the same request (with its Idempotency-Key) once it is back. Any other data error
   * is not ours to hide and propagates as before.
   */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
    if (!DatabaseUnavailable.isConnectionFailure(ex)) {
      throw ex;
    }
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
        .body(DatabaseUnavailable.problem(labels));
  }

  private ProblemDetail invalid(List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, labels.of("problem.invalid.detail"));
    problem.setTitle(labels.of("problem.invalid.title"));
    problem.setProperty("errors", problems);
    return problem;
  }
}
