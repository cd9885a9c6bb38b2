package org.anjia.registry.children;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChildDocumentRepository extends JpaRepository<ChildDocument, UUID> {}
