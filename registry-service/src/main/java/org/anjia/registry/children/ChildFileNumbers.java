package org.anjia.registry.children;

import org.anjia.registry.identity.Institutions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Child file numbers (档案编号) people read and write on paper: the institution's file code, the
 * year of admission and a sequence per institution and year, e.g. NC01-2026-000123. The sequence is
 * a counter row in PostgreSQL, incremented under its row lock, so replicas admitting at once never
 * hand out a number twice (the child's UUID stays the key in URLs and the API).
 */
@Component
class ChildFileNumbers {

  private final JdbcClient jdbc;
  private final Institutions institutions;

  ChildFileNumbers(JdbcClient jdbc, Institutions institutions) {
    this.jdbc = jdbc;
    this.institutions = institutions;
  }

  /** The next number of the institution's files for children admitted in that year; in the caller's transaction. */
  String next(String institutionCode, int year) {
    int sequence = jdbc.sql("""
            insert into child_file_counter (institution_code, year, last_number) values (:code, :year, 1)
            on conflict (institution_code, year) do update set last_number = child_file_counter.last_number + 1
            returning last_number""")
        .param("code", institutionCode).param("year", year)
        .query(Integer.class).single();
    return format(institutions, institutionCode, year, sequence);
  }

  static String format(Institutions institutions, String institutionCode, int year, int sequence) {
    String fileCode = institutions.find(institutionCode).map(Institutions.Institution::fileCode)
        .orElse(institutionCode.toUpperCase());
    return "%s-%d-%06d".formatted(fileCode, year, sequence);
  }
}
