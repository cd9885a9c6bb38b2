package org.anjia.registry.families;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid resident ID numbers for test households (area 360102, 南昌市东湖区), made with the real checksum. */
public final class TestResidentIds {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(10);

  private TestResidentIds() {}

  /** Someone who turned {@code age} a month ago, by the engine clock the service counts ages with. */
  public static String ofAge(int age, boolean male) {
    LocalDate today = LocalDate.ofInstant(org.anjia.registry.EngineTime.now(), java.time.ZoneId.of("Asia/Shanghai"));
    return born(today.minusYears(age).minusMonths(1), male);
  }

  public static String born(LocalDate birthDate, boolean male) {
    int sequence = SEQUENCE.getAndIncrement() % 50 * 2 + (male ? 1 : 0);
    String first17 = "360102" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
    return first17 + ResidentId.checkCharacter(first17);
  }
}
