package org.anjia.registry.children;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChildRepository extends JpaRepository<Child, UUID> {

  Page<Child> findByInstitutionCodeAndSealedFalseOrderByAdmissionDateDesc(String institutionCode, Pageable page);

  Page<Child> findByJurisdictionCodeOrderByAdmissionDateDesc(String jurisdictionCode, Pageable page);

  Page<Child> findBySealedFalseOrderByAdmissionDateDesc(Pageable page);

  Optional<Child> findByFileNumber(String fileNumber);
}
