package org.anjia.registry.worklist;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deadline dates the engine holds for a case (the due-date step's variables, e.g.
 * {@code assessmentDue}), for pages that show a case's next legal deadline: the very dates the
 * timers run on. Every process of a case carries its application id as business key.
 */
@Component
public class CaseDates {

  private final JdbcClient jdbc;
  private final Clock clock;

  CaseDates(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The named date variables of the case's running process instances; the latest date wins. */
  public Map<String, OffsetDateTime> of(UUID applicationId, Collection<String> names) {
    Map<String, OffsetDateTime> dates = new LinkedHashMap<>();
    jdbc.sql("""
            select distinct on (v.name_) v.name_, v.long_
            from act_ru_execution p
            join act_ru_variable v on v.proc_inst_id_ = p.id_ and v.execution_id_ = p.id_
            where p.business_key_ = :key and p.parent_id_ is null and v.name_ in (:names) and v.type_ = 'date'
            order by v.name_, v.long_ desc""")
        .param("key", applicationId.toString())
        .param("names", names)
        .query((rs, row) -> dates.put(rs.getString(1),
            OffsetDateTime.ofInstant(Instant.ofEpochMilli(rs.getLong(2)), clock.getZone())))
        .list();
    return dates;
  }
}
