package org.anjia.registry.fostering;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other journeys may ask of foster care. */
@Service
public class FosterFamilies {

  private final JdbcClient jdbc;

  FosterFamilies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The family has the child in foster care now: its application to adopt the child comes first
   * (家庭寄养管理办法 art. 23).
   */
  public boolean fostersNow(UUID familyId, UUID childId) {
    return jdbc.sql("select count(*) from foster_placement where family_id = :family and child_id = :child and status = :active")
        .param("family", familyId).param("child", childId).param("active", FosterPlacementStatus.ACTIVE.name())
        .query(Long.class).single() > 0;
  }
}
