package org.anjia.registry.families;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A citizen's resident identity number (公民身份号码, GB 11643-1999): six digits of the issuing
 * area, eight of the birth date, three of sequence (odd for men, even for women) and a check
 * character computed with ISO 7064 MOD 11-2.
 */
public record ResidentId(String value, LocalDate birthDate, Sex sex) {

  public enum Sex { MALE, FEMALE }

  private static final Pattern SHAPE = Pattern.compile("[1-9]\\d{16}[0-9X]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();

  /** The parsed number, or empty when its shape, birth date or check character is wrong. */
  public static Optional<ResidentId> parse(String raw, LocalDate today) {
    if (raw == null) {
      return Optional.empty();
    }
    String value = raw.trim().toUpperCase();
    if (!SHAPE.matcher(value).matches() || checkCharacter(value) != value.charAt(17)) {
      return Optional.empty();
    }
    try {
      LocalDate birthDate = LocalDate.of(
          Integer.parseInt(value.substring(6, 10)),
          Integer.parseInt(value.substring(10, 12)),
          Integer.parseInt(value.substring(12, 14)));
      if (birthDate.isAfter(today) || birthDate.getYear() < 1900) {
        return Optional.empty();
      }
      Sex sex = (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
      return Optional.of(new ResidentId(value, birthDate, sex));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  static char checkCharacter(String first17Digits) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS[sum % 11];
  }
}
