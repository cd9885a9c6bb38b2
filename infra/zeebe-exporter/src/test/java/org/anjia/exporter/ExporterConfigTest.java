package org.anjia.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExporterConfigTest {

  private final List<String> unknown = new ArrayList<>();

  private ExporterConfig read(final Map<String, Object> arguments) {
    return ExporterConfig.fromArguments(arguments, (name, value) -> unknown.add(name));
  }

  @Test
  void onlyTheUrlIsRequired() {
    final var config = read(Map.of("url", "jdbc:postgresql://localhost:5432/anjia"));

    assertThat(config.url()).isEqualTo("jdbc:postgresql://localhost:5432/anjia");
    assertThat(config.username()).isNull();
    assertThat(config.password()).isNull();
    assertThat(config.batchSize()).isEqualTo(100);
    assertThat(config.flushIntervalMs()).isEqualTo(100);
    assertThat(config.businessKeyVariable()).isEqualTo("applicationId,childId");
  }

  @Test
  void argumentsFromBrokerEnvironmentVariablesArriveLowercasedAsStrings() {
    // ZEEBE_BROKER_EXPORTERS_ANJIA_ARGS_BATCHSIZE=500 and friends
    final var config =
        read(
            Map.of(
                "url", "jdbc:postgresql://db:5432/anjia",
                "username", "anjia",
                "password", "secret",
                "batchsize", "500",
                "flushintervalms", "250",
                "businesskeyvariable", "caseNumber"));

    assertThat(config.username()).isEqualTo("anjia");
    assertThat(config.password()).isEqualTo("secret");
    assertThat(config.batchSize()).isEqualTo(500);
    assertThat(config.flushIntervalMs()).isEqualTo(250);
    assertThat(config.businessKeyVariable()).isEqualTo("caseNumber");
    assertThat(unknown).isEmpty();
  }

  @Test
  void argumentsFromYamlKeepTheirCamelCaseAndNumbers() {
    final var config =
        read(Map.of("url", "jdbc:postgresql://db/anjia", "batchSize", 20, "flushIntervalMs", 1000L));

    assertThat(config.batchSize()).isEqualTo(20);
    assertThat(config.flushIntervalMs()).isEqualTo(1000);
  }

  @Test
  void unknownArgumentsAreReported() {
    read(Map.of("url", "jdbc:postgresql://db/anjia", "schema", "other"));

    assertThat(unknown).containsExactly("schema");
  }

  @Test
  void missingUrlOrNonsenseNumbersAreRejected() {
    assertThatThrownBy(() -> read(Map.of())).hasMessageContaining("'url'");
    assertThatThrownBy(() -> read(Map.of("url", "jdbc:postgresql://db/anjia", "batchSize", "0")))
        .hasMessageContaining("batchSize");
    assertThatThrownBy(() -> read(Map.of("url", "jdbc:postgresql://db/anjia", "flushIntervalMs", "soon")))
        .hasMessageContaining("flushintervalms");
  }

  @Test
  void passwordIsNeverPrinted() {
    assertThat(read(Map.of("url", "jdbc:postgresql://db/anjia", "password", "secret")).toString())
        .doesNotContain("secret");
  }
}
