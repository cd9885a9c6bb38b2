package org.anjia.registry.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void readsBirthDateAndSexFromAValidNumber() {
    // the example number of GB 11643-1999's annex: check character X
    var id = ResidentId.parse("11010519491231002X", TODAY).orElseThrow();

    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.sex()).isEqualTo(ResidentId.Sex.FEMALE);
  }

  @Test
  void acceptsLowerCaseX() {
    assertThat(ResidentId.parse("11010519491231002x", TODAY)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "110105194912310021", // wrong check character
      "11010519491331002X", // month 13
      "11010520270101002X", // born in the future
      "01010519491231002X", // area code cannot start with 0
      "1101051949123100",   // too short
      "11010519491231002Y"  // not a digit or X
  })
  void refusesBrokenNumbers(String number) {
    assertThat(ResidentId.parse(number, TODAY)).isEmpty();
  }

  @Test
  void oddSequenceDigitIsMale() {
    String first17 = "36010219860315001";
    var id = ResidentId.parse(first17 + ResidentId.checkCharacter(first17), TODAY).orElseThrow();

    assertThat(id.sex()).isEqualTo(ResidentId.Sex.MALE);
  }
}
