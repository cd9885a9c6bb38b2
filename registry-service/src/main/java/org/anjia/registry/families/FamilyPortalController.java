package org.anjia.registry.families;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjia.registry.identity.CurrentUser;
import org.anjia.registry.identity.CurrentUsers;
import org.anjia.registry.web.FieldProblem;
import org.anjia.registry.web.InvalidInputException;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Each adult of a household has an own account: the applicant invites, the other adult joins. */
@RestController
class FamilyPortalController {

  record JoinRequest(@NotBlank String code) {}

  private final FamilyAccounts accounts;
  private final CurrentUsers users;
  private final Labels labels;

  FamilyPortalController(FamilyAccounts accounts, CurrentUsers users, Labels labels) {
    this.accounts = accounts;
    this.users = users;
    this.labels = labels;
  }

  @PostMapping("/api/portal/family/invitations")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> invite() {
    CurrentUser user = users.current();
    List<UUID> families = accounts.familiesOf(user.subject());
    if (families.isEmpty()) {
      throw new NotFoundException("household of " + user.username());
    }
    return Map.of("code", accounts.invite(families.getLast(), user.username()));
  }

  @PostMapping("/api/portal/family/join")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void join(@Valid @RequestBody JoinRequest request) {
    CurrentUser user = users.current();
    accounts.join(request.code(), user.subject(), user.username()).orElseThrow(() ->
        new InvalidInputException(List.of(new FieldProblem("code", labels.of("anjia.validation.invitation")))));
  }
}
