package org.anjia.registry.families;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface FamilyRepository extends JpaRepository<Family, UUID> {

  /** The household, locked until the transaction ends: its adults' submissions take turns. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select f from Family f where f.id = :id")
  Optional<Family> lockById(UUID id);
}
