package org.anjia.registry.familystyle;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.audit.AuditAction;
import org.anjia.registry.audit.AuditLog;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.identity.Institutions;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 招募公告: an institution's director opens a call for married couples (Jilin plan box 4.2:
 * "招聘合格的家庭进驻儿童福利机构"); couples apply to a call while it is open.
 */
@Service
class FamilyStyleCalls {

  static final String OBJECT = "FAMILY_STYLE_CALL";

  record CallRequest(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
      @NotNull LocalDate opensOn, @NotNull LocalDate closesOn, @NotNull @Min(1) Integer places) {}

  record Call(UUID id, String institutionCode, String institutionName, String title, String description,
      LocalDate opensOn, LocalDate closesOn, int places) {}

  private final JdbcClient jdbc;
  private final CurrentUsers users;
  private final Institutions institutions;
  private final AuditLog audit;
  private final Labels labels;
  private final Clock clock;

  FamilyStyleCalls(JdbcClient jdbc, CurrentUsers users, Institutions institutions, AuditLog audit, Labels labels,
      Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.institutions = institutions;
    this.audit = audit;
    this.labels = labels;
    this.clock = clock;
  }

  /** The director's own institution opens a call; a period that ends before it starts is refused. */
  @Transactional
  Call open(CallRequest request) {
    CurrentUser user = users.current();
    if (request.closesOn().isBefore(request.opensOn())) {
      throw new InvalidInputException(List.of(new FieldProblem("closesOn", labels.of("anjia.familyStyle.callPeriod"))));
    }
    if (request.closesOn().isBefore(LocalDate.now(clock))) {
      throw new InvalidInputException(List.of(new FieldProblem("closesOn", labels.of("anjia.familyStyle.callClosed"))));
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into family_style_call (id, institution_code, title, description, opens_on, closes_on, places,
                created_by, created_at)
            values (:id, :institution, :title, :description, :opensOn, :closesOn, :places, :by, :at)""")
        .param("id", id).param("institution", user.institution()).param("title", request.title())
        .param("description", request.description()).param("opensOn", request.opensOn())
        .param("closesOn", request.closesOn()).param("places", request.places())
        .param("by", user.username()).param("at", java.sql.Timestamp.from(clock.instant()))
        .update();
    audit.record(AuditAction.CREATE, OBJECT, id, List.of("title", "opensOn", "closesOn", "places"), null);
    return find(id).orElseThrow();
  }

  /** The calls open today, soonest closing first: public, like the list of institutions. */
  @Transactional(readOnly = true)
  List<Call> openCalls() {
    return jdbc.sql("""
            select * from family_style_call where opens_on <= :today and closes_on >= :today
            order by closes_on, title""")
        .param("today", LocalDate.now(clock))
        .query((rs, n) -> call(rs)).list();
  }

  /** A call open today, for an application to name. */
  Optional<Call> openCall(UUID id) {
    LocalDate today = LocalDate.now(clock);
    return find(id).filter(call -> !call.opensOn().isAfter(today) && !call.closesOn().isBefore(today));
  }

  Optional<Call> find(UUID id) {
    if (id == null) {
      return Optional.empty();
    }
    return jdbc.sql("select * from family_style_call where id = :id").param("id", id)
        .query((rs, n) -> call(rs)).optional();
  }

  private Call call(java.sql.ResultSet rs) throws java.sql.SQLException {
    String code = rs.getString("institution_code");
    return new Call(rs.getObject("id", UUID.class), code,
        institutions.find(code).map(Institutions.Institution::name).orElse(code), rs.getString("title"),
        rs.getString("description"), rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
        rs.getInt("places"));
  }
}
