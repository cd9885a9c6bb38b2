package org.anjia.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.anjia.registry.BrowserIntegrationTest;
import org.anjia.registry.FosterPlacementFixtures;
import org.anjia.registry.children.Children;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Root-seeking visits (寻根回访) through the pages: the caseworker records an adoptee's visit to a sealed
 * file (民法典 art. 1110) by its number on children.html, without opening it, and one on an open file's
 * page. The files are admitted through the API as the real Keycloak's cw-nanchang; the first is sealed by a
 * confidential adoption's registration.
 */
class RootSeekingVisitBrowserTest extends BrowserIntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Children children;

  @Test
  void theCaseworkerRecordsAVisitToASealedFileByItsNumberAndOneOnAnOpenFile() throws Exception {
    FosterPlacementFixtures fixtures = new FosterPlacementFixtures(this, jdbc);
    String caseworker = "Bearer " + keycloakToken("cw-nanchang");
    UUID sealedId = UUID.fromString(fixtures.admit(caseworker, "林安", today().minusYears(9)));
    children.recordAdoption(sealedId, "林建华、周敏家庭", "收登字2026第0107号", today().minusYears(1), true);
    String sealedFileNumber = jdbc.sql("select file_number from child where id = :id").param("id", sealedId)
        .query(String.class).single();
    String openId = fixtures.admit(caseworker, "陈思远", today().minusYears(12));

    String output = browser("root-seeking.mjs", DEMO_PASSWORD, sealedFileNumber, openId, today().toString());

    assertThat(output)
        .contains("an empty visit is refused field by field")
        .contains("本机构没有档案编号为 NO-SUCH-FILE")
        .contains("recorded on the sealed file " + sealedFileNumber + " without opening it")
        .contains("listed with 南昌市儿童福利院 社工 张敏");
    assertThat(jdbc.sql("select visitor from root_seeking_visit where child_id = :id").param("id", sealedId)
        .query(String.class).list()).as("one visit on the sealed file, by the refused attempts none")
        .containsExactly("林安（被收养人本人）");
  }
}
