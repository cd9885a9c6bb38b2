package org.anjia.registry.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.GroupQuery;
import org.operaton.bpm.engine.identity.NativeUserQuery;
import org.operaton.bpm.engine.identity.Tenant;
import org.operaton.bpm.engine.identity.TenantQuery;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.identity.UserQuery;
import org.operaton.bpm.engine.impl.GroupQueryImpl;
import org.operaton.bpm.engine.impl.Page;
import org.operaton.bpm.engine.impl.TenantQueryImpl;
import org.operaton.bpm.engine.impl.UserQueryImpl;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.interceptor.Session;
import org.operaton.bpm.engine.impl.interceptor.SessionFactory;
import org.operaton.bpm.engine.impl.persistence.entity.GroupEntity;
import org.operaton.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The engine's view of people: nobody but the operator signed in right now (Spring Security, from
 * Keycloak). Keycloak is the only user store; the engine's own user tables stay unused, there is no
 * engine password to guess, and a Keycloak outage does not stop the engine. Cockpit needs to find
 * the signed-in user (and its group) to let them in; nothing else in the engine asks.
 */
final class SignedInOperators implements ReadOnlyIdentityProvider {

  /** Installs this provider in place of the engine's database identity. */
  static final class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setIdentityProviderSessionFactory(new SessionFactory() {
        @Override
        public Class<?> getSessionType() {
          return ReadOnlyIdentityProvider.class;
        }

        @Override
        public Session openSession() {
          return new SignedInOperators();
        }
      });
    }
  }

  /** The signed-in user, if an operator (admin role). */
  static Optional<String> operator() {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null || signedIn instanceof AnonymousAuthenticationToken || !signedIn.isAuthenticated()
        || signedIn.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
      return Optional.empty();
    }
    return Optional.of(signedIn.getName());
  }

  private static Optional<User> operatorUser() {
    return operator().map(name -> {
      UserEntity user = new UserEntity(name);
      user.setFirstName(name);
      user.setLastName("");
      return user;
    });
  }

  private static Group operatorGroup() {
    GroupEntity group = new GroupEntity(OperatorConsole.OPERATOR_GROUP);
    group.setName("Operators 运维");
    group.setType("SYSTEM");
    return group;
  }

  @Override
  public User findUserById(String userId) {
    return operatorUser().filter(user -> user.getId().equals(userId)).orElse(null);
  }

  @Override
  public UserQuery createUserQuery() {
    return new Users();
  }

  @Override
  public UserQuery createUserQuery(CommandContext commandContext) {
    return new Users();
  }

  @Override
  public NativeUserQuery createNativeUserQuery() {
    throw new BadUserRequestException("Users are kept in Keycloak");
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    return false;
  }

  @Override
  public Group findGroupById(String groupId) {
    return OperatorConsole.OPERATOR_GROUP.equals(groupId) ? operatorGroup() : null;
  }

  @Override
  public GroupQuery createGroupQuery() {
    return new Groups();
  }

  @Override
  public GroupQuery createGroupQuery(CommandContext commandContext) {
    return new Groups();
  }

  @Override
  public Tenant findTenantById(String tenantId) {
    return null;
  }

  @Override
  public TenantQuery createTenantQuery() {
    return new NoTenants();
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new NoTenants();
  }

  @Override
  public void flush() {
    // read-only
  }

  @Override
  public void close() {
    // nothing held
  }

  private static final class Users extends UserQueryImpl {

    @Override
    public long executeCount(CommandContext commandContext) {
      return matching().size();
    }

    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
      return matching();
    }

    private List<User> matching() {
      return operatorUser()
          .filter(user -> getId() == null || getId().equals(user.getId()))
          .filter(user -> getIds() == null || Arrays.asList(getIds()).contains(user.getId()))
          .filter(user -> getGroupId() == null || OperatorConsole.OPERATOR_GROUP.equals(getGroupId()))
          .stream().toList();
    }
  }

  private static final class Groups extends GroupQueryImpl {

    @Override
    public long executeCount(CommandContext commandContext) {
      return matching().size();
    }

    @Override
    public List<Group> executeList(CommandContext commandContext, Page page) {
      return matching();
    }

    private List<Group> matching() {
      boolean member = getUserId() == null || operator().filter(getUserId()::equals).isPresent();
      boolean named = getId() == null || OperatorConsole.OPERATOR_GROUP.equals(getId());
      return member && named ? List.of(operatorGroup()) : List.of();
    }
  }

  private static final class NoTenants extends TenantQueryImpl {

    @Override
    public long executeCount(CommandContext commandContext) {
      return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
      return List.of();
    }
  }
}
