package org.anjia.registry.fostering;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjia.registry.families.Family;
import org.anjia.registry.families.HouseholdMember;
import org.anjia.registry.identity.Actor;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 家庭成员复查: the criminal-record query of every adult in close contact with the foster child
 * (未成年人保护法 art. 98; seed 004 从业查询: "开展一次查询之后定期查询"; 寄养办法 art. 8(4)) and their
 * health certificates (art. 8(3)), one row per check, never changed: the latest of a kind counts. A
 * person is named by resident ID, since a household's members are re-declared with each application.
 */
@Component
class HouseholdChecks {

  enum Kind { CRIMINAL_RECORD, HEALTH }

  enum Result { PASSED, FAILED }

  /** A check as staff record it; text, not enums, so a wrong value is refused next to its field. */
  record CheckRequest(String residentId, String kind, String result, String checkedOn, String note) {}

  /** A request whose every field is right. */
  private record ValidCheck(HouseholdMember member, Kind kind, Result result, LocalDate checkedOn, String note) {}

  /** A recorded check, the person who recorded it by name, role and unit. */
  record Check(String residentId, String memberName, Kind kind, Result result, LocalDate checkedOn, String note,
      Actor checkedBy, Instant recordedAt) {}

  private final FosterRules rules;
  private final JdbcClient jdbc;
  private final Labels labels;
  private final Clock clock;

  HouseholdChecks(FosterRules rules, JdbcClient jdbc, Labels labels, Clock clock) {
    this.rules = rules;
    this.jdbc = jdbc;
    this.labels = labels;
    this.clock = clock;
  }

  /** The members whose checks count today: the adults (民法典 art. 17), whenever they joined. */
  List<HouseholdMember> adults(Family family) {
    LocalDate today = LocalDate.now(clock);
    return family.getMembers().stream().filter(member -> member.ageOn(today) >= rules.renewal().adultAge()).toList();
  }

  /**
   * Records the checks, each named by the field path it came from, all or none: any wrong value is
   * refused next to its field and nothing is written.
   */
  void record(UUID entryId, Family family, Map<String, CheckRequest> checksByField, Actor actor) {
    List<FieldProblem> problems = new ArrayList<>();
    List<ValidCheck> valid = new ArrayList<>();
    checksByField.forEach((field, request) -> validate(family, field, request, problems).ifPresent(valid::add));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    valid.forEach(check -> insert(entryId, check.member(), check.kind(), check.result(), check.checkedOn(),
        check.note(), actor));
  }

  /** The check, when every field of the request is right; its problems otherwise. */
  private Optional<ValidCheck> validate(Family family, String field, CheckRequest request, List<FieldProblem> problems) {
    int before = problems.size();
    String prefix = field.isEmpty() ? "" : field + ".";
    String residentId = request.residentId() == null ? "" : request.residentId().trim();
    Optional<HouseholdMember> adult = adults(family).stream()
        .filter(member -> member.getResidentId().equalsIgnoreCase(residentId)).findFirst();
    if (adult.isEmpty()) {
      problems.add(new FieldProblem(prefix + "residentId", labels.of("anjia.foster.check.notAdultMember",
          rules.renewal().adultAge())));
    }
    if (!named(Kind.values(), request.kind())) {
      problems.add(new FieldProblem(prefix + "kind", labels.of("anjia.foster.check.kind")));
    }
    if (!named(Result.values(), request.result())) {
      problems.add(new FieldProblem(prefix + "result", labels.of("anjia.foster.check.result")));
    }
    LocalDate checkedOn = date(request.checkedOn());
    if (checkedOn == null) {
      problems.add(new FieldProblem(prefix + "checkedOn", labels.of("anjia.foster.check.checkedOnInvalid")));
    } else if (checkedOn.isAfter(LocalDate.now(clock))) {
      problems.add(new FieldProblem(prefix + "checkedOn", labels.of("anjia.foster.check.checkedOnFuture")));
    }
    return problems.size() > before ? Optional.empty() : Optional.of(new ValidCheck(adult.orElseThrow(),
        Kind.valueOf(request.kind()), Result.valueOf(request.result()), checkedOn, request.note()));
  }

  /** yyyy-mm-dd, or null when missing or not a date. */
  private static LocalDate date(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean named(Enum<?>[] values, String name) {
    return Arrays.stream(values).anyMatch(value -> value.name().equals(name));
  }

  /**
   * The qualification's home assessment ran the background check of the adults it found (art. 12(2);
   * 未成年人保护法 art. 98): recorded as the entry's first criminal-record checks, on the approval day.
   */
  void recordQualification(UUID entryId, Family family, LocalDate approvedOn, String applicationNumber) {
    adults(family).forEach(adult -> insert(entryId, adult, Kind.CRIMINAL_RECORD, Result.PASSED, approvedOn,
        labels.recorded("anjia.foster.check.fromQualification", applicationNumber), Actor.system()));
  }

  private void insert(UUID entryId, HouseholdMember member, Kind kind, Result result, LocalDate checkedOn, String note,
      Actor actor) {
    jdbc.sql("""
            insert into foster_member_check (id, entry_id, resident_id, member_name, kind, result, checked_on, note,
                checked_by, checked_by_name, checked_by_role, checked_by_unit, recorded_at)
            values (:id, :entry, :residentId, :name, :kind, :result, :checkedOn, :note, :by, :byName, :byRole, :byUnit,
                :at)""")
        .param("id", UUID.randomUUID()).param("entry", entryId).param("residentId", member.getResidentId())
        .param("name", member.getName()).param("kind", kind.name()).param("result", result.name())
        .param("checkedOn", Date.valueOf(checkedOn)).param("note", note).param("by", actor.login())
        .param("byName", actor.name()).param("byRole", actor.role() == null ? null : actor.role().name())
        .param("byUnit", actor.unit()).param("at", Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * The adults whose latest check of that kind, dated on or after {@code since} (any date when null),
   * is missing or did not pass: they do not count as checked.
   */
  List<HouseholdMember> notPassed(UUID entryId, Family family, Kind kind, LocalDate since) {
    List<String> passed = jdbc.sql("""
            select resident_id from (
              select distinct on (resident_id) resident_id, result from foster_member_check
              where entry_id = :entry and kind = :kind and (cast(:since as date) is null or checked_on >= :since)
              order by resident_id, checked_on desc, recorded_at desc) latest
            where result = :passed""")
        .param("entry", entryId).param("kind", kind.name())
        .param("since", since == null ? null : Date.valueOf(since)).param("passed", Result.PASSED.name())
        .query(String.class).list();
    return adults(family).stream().filter(adult -> !passed.contains(adult.getResidentId())).toList();
  }

  /** Every check of the entry, newest first. */
  List<Check> of(UUID entryId) {
    return jdbc.sql("""
            select * from foster_member_check where entry_id = :entry order by checked_on desc, recorded_at desc""")
        .param("entry", entryId)
        .query((rs, row) -> new Check(rs.getString("resident_id"), rs.getString("member_name"),
            Kind.valueOf(rs.getString("kind")), Result.valueOf(rs.getString("result")),
            rs.getObject("checked_on", LocalDate.class), rs.getString("note"),
            Actor.stored(rs.getString("checked_by"), rs.getString("checked_by_role"), rs.getString("checked_by_name"),
                rs.getString("checked_by_unit")),
            rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }
}
