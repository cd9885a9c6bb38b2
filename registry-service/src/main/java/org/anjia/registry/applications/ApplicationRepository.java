package org.anjia.registry.applications;

import java.time.Year;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, UUID> {

  java.util.List<Application> findByFamilyIdOrderBySubmittedAtDesc(UUID familyId);

  @Query(value = "select nextval('application_number_seq')", nativeQuery = true)
  long nextNumber();

  /** A readable, unique number such as FQ-2026-000042; the sequence is safe across replicas. */
  default String newNumber(ApplicationType type, Year year) {
    return "%s-%d-%06d".formatted(type.numberPrefix(), year.getValue(), nextNumber());
  }
}
