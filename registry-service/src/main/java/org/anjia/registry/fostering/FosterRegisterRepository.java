package org.anjia.registry.fostering;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface FosterRegisterRepository extends JpaRepository<FosterRegisterEntry, UUID> {

  Optional<FosterRegisterEntry> findByApplicationId(UUID applicationId);
}
