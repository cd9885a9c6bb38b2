package org.anjia.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The build writes the service's SBOM (CycloneDX) into the jar: the dependencies with versions, hashes and licences. */
class SbomTest {

  @Test
  void theSbomListsWhatShipsWithItsLicences() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
      assertThat(in).as("META-INF/sbom/application.cdx.json on the classpath").isNotNull();
      JsonNode bom = new ObjectMapper().readTree(in);
      assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
      JsonNode engine = null;
      for (JsonNode component : bom.path("components")) {
        if ("operaton-engine".equals(component.path("name").asText())) {
          engine = component;
        }
      }
      assertThat(engine).as("the workflow engine is listed").isNotNull();
      assertThat(engine.path("group").asText()).isEqualTo("org.operaton.bpm");
      assertThat(engine.path("licenses").toString()).contains("Apache-2.0");
    }
  }
}
