package org.anjia.registry.families;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

/** The field holds a valid resident identity number (GB 11643 shape, birth date and check character). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidResidentId.Validator.class)
public @interface ValidResidentId {

  String message() default "{anjia.validation.residentId}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidResidentId, String> {

    private final Clock clock;

    public Validator(Clock clock) {
      this.clock = clock;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      // a missing number is reported by @NotBlank, not twice
      return value == null || value.isBlank() || ResidentId.parse(value, LocalDate.now(clock)).isPresent();
    }
  }
}
