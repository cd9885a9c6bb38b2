package org.anjia.registry.worklist;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deadline dates the engine holds for a case (the due-date step's variables, e.g.
 * {@code assessmentDue}), read from the exporter's projection for pages that show a case's next
 * legal deadline. Every process of a case carries its application id as business key.
 */
@Component
public class CaseDates {

  private final JdbcClient jdbc;

  CaseDates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The named date-time variables of the case's process instances; the newest instance wins. */
  public Map<String, OffsetDateTime> of(UUID applicationId, Collection<String> names) {
    Map<String, OffsetDateTime> dates = new LinkedHashMap<>();
    jdbc.sql("""
            select distinct on (v.name) v.name, v.value #>> '{}'
            from engine.process_instance p
            join engine.variable v on v.process_instance_key = p.process_instance_key
              and v.scope_key = p.process_instance_key
            where p.business_key = :key and v.name in (:names) and jsonb_typeof(v.value) = 'string'
            order by v.name, p.process_instance_key desc""")
        .param("key", applicationId.toString())
        .param("names", names)
        .query((rs, row) -> dates.put(rs.getString(1), OffsetDateTime.parse(rs.getString(2))))
        .list();
    return dates;
  }
}
