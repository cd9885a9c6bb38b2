package org.anjia.registry.identity;

import org.anjia.registry.web.Labels;
import org.springframework.stereotype.Component;

/**
 * An actor as people read it in histories and timelines: "南昌市儿童福利院 社工 张敏", "本家庭" for the
 * family looking at its own case, "系统（自动处理）" for the engine. Never the login name; the audit
 * log page, for auditors, keeps those.
 */
@Component
public class ActorNames {

  private final Institutions institutions;
  private final Labels labels;

  ActorNames(Institutions institutions, Labels labels) {
    this.institutions = institutions;
    this.labels = labels;
  }

  /** In the reader's language; a family reader sees the family's own steps as "本家庭". */
  public String describe(Actor actor, CurrentUser reader) {
    if (actor.isSystem()) {
      return labels.of("anjia.actor.system");
    }
    if (actor.role() == null) {
      // recorded before names were kept (V18): only that a person did it is known
      return labels.of("anjia.actor.unknownPerson");
    }
    if (actor.role() == Role.FAMILY) {
      String who = labels.of(reader != null && reader.has(Role.FAMILY) ? "anjia.actor.ownFamily" : "anjia.actor.family");
      return join(who, actor.name());
    }
    return join(join(unitName(actor.unit()), labels.of(actor.role())), actor.name());
  }

  /** An institution's or jurisdiction's name; its code only if this deployment does not list it. */
  public String unitName(String code) {
    if (code == null) {
      return null;
    }
    return institutions.institutions().stream()
        .filter(i -> code.equals(i.code()) || code.equals(i.jurisdiction()))
        .findFirst()
        .map(i -> code.equals(i.code()) ? i.name() : i.jurisdictionName())
        .orElse(code);
  }

  private static String join(String first, String second) {
    if (first == null || first.isBlank()) {
      return second;
    }
    return second == null || second.isBlank() ? first : first + " " + second;
  }
}
