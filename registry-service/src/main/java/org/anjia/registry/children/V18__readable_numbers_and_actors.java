package org.anjia.registry.children;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.identity.Institutions;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V18 (issue 9, "nothing technical in front of people"), a Spring bean because the
 * file numbers of existing children need the institutions' file codes from configuration:
 * <ul>
 *   <li>every child gets its file number (档案编号), existing files numbered per institution and
 *       year of admission in order of admission, and the counters continue after them;</li>
 *   <li>history entries (application status history, child change history) keep the actor's name,
 *       role and unit beside the login. Earlier entries of families get the family role; the engine's
 *       are recognised by their login; names written before cannot be recovered.</li>
 * </ul>
 */
@Component
class V18__readable_numbers_and_actors extends BaseJavaMigration {

  // not ChildFileNumbers: its JdbcClient waits for Flyway, which waits for this migration
  private final Institutions institutions;

  V18__readable_numbers_and_actors(Institutions institutions) {
    this.institutions = institutions;
  }

  @Override
  public void migrate(Context context) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
    jdbc.execute("""
        create table child_file_counter (
          institution_code varchar(60) not null,
          year             int         not null,
          last_number      int         not null,
          primary key (institution_code, year)
        )""");
    jdbc.execute("alter table child add column file_number varchar(40)");
    Map<String, Integer> counters = new HashMap<>();
    List<Map<String, Object>> children = jdbc.queryForList("""
        select id, institution_code, cast(extract(year from admission_date) as int) as year
        from child order by admission_date, created_at, id""");
    for (Map<String, Object> child : children) {
      String institution = (String) child.get("institution_code");
      int year = (Integer) child.get("year");
      int sequence = counters.merge(institution + "\u0000" + year, 1, Integer::sum);
      jdbc.update("update child set file_number = ? where id = ?",
          ChildFileNumbers.format(institutions, institution, year, sequence), (UUID) child.get("id"));
    }
    counters.forEach((key, last) -> {
      String[] parts = key.split("\u0000");
      jdbc.update("insert into child_file_counter (institution_code, year, last_number) values (?, ?, ?)",
          parts[0], Integer.parseInt(parts[1]), last);
    });
    jdbc.execute("alter table child alter column file_number set not null");
    jdbc.execute("alter table child add constraint child_file_number_unique unique (file_number)");

    for (String table : List.of("application_status_change", "child_change")) {
      jdbc.execute("alter table " + table
          + " add column actor_name varchar(200), add column actor_role varchar(30), add column actor_unit varchar(60)");
    }
    jdbc.update("""
        update application_status_change set actor_role = 'FAMILY'
        where actor in (select username from family_account)""");
  }
}
