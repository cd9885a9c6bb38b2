package org.anjia.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The build writes the service's SBOMs (CycloneDX) into the jar: the Maven dependencies and the pages'
 * npm packages, with versions and licences. The npm one comes from the frontend build (not with
 * -Dskip.frontend=true, like the browser tests).
 */
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

  @Test
  void thePagesSbomListsFormJs() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/npm.cdx.json")) {
      assertThat(in).as("META-INF/sbom/npm.cdx.json on the classpath (built with the frontend)").isNotNull();
      JsonNode bom = new ObjectMapper().readTree(in);
      assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
      JsonNode formJs = null;
      JsonNode charts = null;
      for (JsonNode component : bom.path("components")) {
        if ("@bpmn-io/form-js".equals(component.path("name").asText())) {
          formJs = component;
        }
        if ("echarts".equals(component.path("name").asText())) {
          charts = component;
        }
        assertThat(component.path("name").asText()).as("dev tools do not ship").isNotIn("vite", "playwright-core");
      }
      assertThat(formJs).as("form-js is listed").isNotNull();
      assertThat(formJs.path("version").asText()).isEqualTo("1.23.0");
      assertThat(formJs.path("purl").asText()).isEqualTo("pkg:npm/%40bpmn-io/form-js@1.23.0");
      assertThat(charts).as("the dashboard's charts are listed").isNotNull();
      assertThat(charts.path("licenses").toString()).contains("Apache-2.0");
    }
  }
}
