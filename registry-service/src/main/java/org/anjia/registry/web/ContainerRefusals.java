package org.anjia.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests refused before the application sees them got someone else's error page: Tomcat's HTML for
 * a URL or header over its size limit or a malformed request line, Spring Boot's error JSON for a path
 * Spring Security's firewall refuses ({@code ..}, an encoded {@code %} or {@code /}). Both now answer
 * the same localized problem+json as every other refusal. For Tomcat this replaces the host's error
 * report valve: Spring Boot adds a plain one when stack traces are never shown, and Tomcat adds its
 * default unless the host names another class.
 */
@Component
class ContainerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, RequestRejectedHandler {

  private final ProblemAnswers answers;

  ContainerRefusals(ProblemAnswers answers) {
    this.answers = answers;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      StandardHost host = (StandardHost) context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      host.setErrorReportValveClass(ProblemReportValve.class.getName());
      host.getPipeline().addValve(new ProblemReportValve(this));
    });
  }

  /** The firewall's refusal (Spring Security picks this handler up as the one bean of its kind). */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
      throws IOException {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    write(request, response);
  }

  /** The refusal as problem+json, in the request's language (zh-CN unless it asks for English). */
  private void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
    answers.write(request, response, labels -> {
      HttpStatus known = HttpStatus.resolve(response.getStatus());
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(known != null ? known : HttpStatus.BAD_REQUEST,
          labels.of("problem.containerRefusal.detail"));
      problem.setTitle(labels.of("problem.containerRefusal.title"));
      return problem;
    });
  }

  /** Tomcat's error report, as problem+json; anything already written by the application stays. */
  static final class ProblemReportValve extends ErrorReportValve {

    private final ContainerRefusals refusals;

    ProblemReportValve(ContainerRefusals refusals) {
      this.refusals = refusals;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        refusals.write(request, response);
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the answer was taken over elsewhere: nothing left to tell it
      }
    }
  }
}
