package org.anjia.registry.identity;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IdentityController {

  record Me(String username, String displayName, List<Role> roles, List<String> candidateGroups,
      String institution, String jurisdiction) {}

  private final CurrentUsers users;
  private final Institutions institutions;

  IdentityController(CurrentUsers users, Institutions institutions) {
    this.users = users;
    this.institutions = institutions;
  }

  /** Who the pages are talking to: name, roles and scope, to show the right navigation. */
  @GetMapping("/api/me")
  Me me() {
    CurrentUser user = users.current();
    return new Me(user.username(), user.displayName(), user.roles().stream().sorted().toList(),
        user.candidateGroups(), user.institution(), user.jurisdiction());
  }

  /** Public: the application page lets a family choose the institution it applies to. */
  @GetMapping("/api/institutions")
  List<Institutions.Institution> institutions() {
    return institutions.institutions();
  }
}
