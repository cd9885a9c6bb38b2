package org.anjia.registry.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.anjia.registry.web.Labels;
import org.anjia.registry.web.ProblemAnswers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. The browser signs in with Keycloak (authorization code + PKCE); its session
 * lives in PostgreSQL (Spring Session), protected by a CSRF token the pages echo from a cookie.
 * Programs call the API with Keycloak bearer tokens (no session, no CSRF). Role rules are here;
 * which objects a role may see (its scope) is decided by the modules, which answer 404 outside it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String LOGIN_PATH = "/oauth2/authorization/keycloak";
  private static final String[] STAFF_AND_AUDITOR = {"CASEWORKER", "DIRECTOR", "REGISTRAR", "ASSESSOR", "AUDITOR"};
  private static final String[] STAFF_AND_FAMILY = {"CASEWORKER", "DIRECTOR", "REGISTRAR", "ASSESSOR", "FAMILY"};
  private static final String[] STAFF_FAMILY_AND_AUDITOR =
      {"CASEWORKER", "DIRECTOR", "REGISTRAR", "ASSESSOR", "FAMILY", "AUDITOR"};

  /**
   * Verifies Keycloak's tokens with the realm's keys, fetched again every {@code key-set-refresh}.
   * While Keycloak does not answer, the last keys fetched keep verifying for
   * {@code key-set-outage-tolerance}: an API client's token works until it expires. (Spring's own
   * builder gives up on the keys five minutes after their last fetch.) A replica started during the
   * outage has no keys yet and refuses bearer tokens until Keycloak is back. Each token's signature is
   * checked once ({@link VerifiedTokens}).
   */
  @Bean
  JwtDecoder jwtDecoder(IdentityProperties identity) throws MalformedURLException {
    JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(
            URI.create(identity.endpoint("certs")).toURL(),
            new DefaultResourceRetriever((int) identity.probeTimeout().toMillis(),
                (int) identity.probeTimeout().toMillis(), JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
        .cache(identity.keySetRefresh().toMillis(), identity.probeTimeout().toMillis())
        .outageTolerant(identity.keySetOutageTolerance().toMillis())
        // as Spring's builder: fetched when needed, not ahead in the background; an unknown key id
        // (Keycloak rotated its keys) is fetched at once
        .refreshAheadCache(false)
        .rateLimited(false)
        .build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    // times, issuer and audience are checked once, by the validator below
    processor.setJWTClaimsSetVerifier((claims, context) -> { });
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(validator(identity));
    return new VerifiedTokens(decoder, identity.keySetRefresh(), java.time.Clock.systemUTC());
  }

  /**
   * No observation (timer, span) around each of Spring Security's filters, authentications and
   * authorizations: nothing reads them, and on an authenticated read their bookkeeping cost more than
   * writing the JSON (infra/bench/REPORT.md). The HTTP server's timing ({@code http.server.requests}) stays.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * The path rules ({@link #rules}) match with Spring's path patterns, Spring Security 7's default, not
   * by asking Spring MVC on every request whether its servlet handles the path (the Operaton webapp adds
   * servlets of its own): the same patterns, a cheaper match (infra/bench/REPORT.md).
   */
  @Bean
  static PathPatternRequestMatcherBuilderFactoryBean pathPatternRules() {
    return new PathPatternRequestMatcherBuilderFactoryBean();
  }

  /**
   * Where a browser login keeps the tokens Keycloak gave it: in its session (PostgreSQL, seen by every
   * replica), gone when the session goes. Spring Boot's default kept them in the memory of the replica that
   * handled the login, one entry per person ever signed in there, until a restart.
   */
  @Bean
  OAuth2AuthorizedClientRepository signedInClients() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  /** The token must come from our realm and be meant for this API (Keycloak adds no aud by itself). */
  static OAuth2TokenValidator<Jwt> validator(IdentityProperties identity) {
    return new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(identity.issuer()),
        new JwtClaimValidator<java.util.List<String>>("aud", aud -> aud != null && aud.contains(identity.audience())));
  }

  /**
   * Requests that carry a bearer token: programs, and the benchmark. Stateless: no session is read or
   * written, no CSRF token made, no login page or request cache in the way. The same rules as the
   * browser's chain ({@link #rules}).
   */
  @Bean
  @Order(1)
  SecurityFilterChain bearerApi(HttpSecurity http, ProblemAnswers answers,
      ApplicationEventPublisher events, IdentityProperties identity, Environment environment) throws Exception {
    Handlers handlers = new Handlers(answers, events);
    http
        .securityMatcher(request -> request.getHeader("Authorization") != null)
        .headers(headers -> headers(headers, identity, environment))
        .authorizeHttpRequests(SecurityConfiguration::rules)
        .oauth2ResourceServer(resource -> resource
            .jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakAuthorities.jwtConverter()))
            .authenticationEntryPoint(handlers.apiUnauthenticated))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(handlers.apiUnauthenticated)
            .accessDeniedHandler(handlers.denied))
        // a bearer token is never sent by a browser on its own: nothing to forge
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** The browser: Keycloak login, a session in PostgreSQL, CSRF protection for its writes. */
  @Bean
  @Order(2)
  SecurityFilterChain browser(HttpSecurity http, JwtDecoder jwtDecoder, IdentityProperties identity,
      ClientRegistrationRepository registrations, ProblemAnswers answers, Labels labels,
      ApplicationEventPublisher events, Environment environment, IssuerProbe keycloak) throws Exception {
    RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    Handlers handlers = new Handlers(answers, events);
    SessionCsrfTokens csrfTokens = new SessionCsrfTokens();
    LoginUnavailable loginUnavailable = new LoginUnavailable(keycloak, answers, labels);
    http
        .addFilterBefore(loginUnavailable, OAuth2AuthorizationRequestRedirectFilter.class)
        .headers(headers -> headers(headers, identity, environment))
        .authorizeHttpRequests(SecurityConfiguration::rules)
        .oauth2Login(login -> login
            .authorizationEndpoint(endpoint -> endpoint
                .authorizationRequestResolver(RegistrationController.resolver(registrations)))
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(KeycloakAuthorities.oidcUserService(jwtDecoder)))
            .failureHandler((request, response, failure) -> {
              events.publishEvent(incident(SecurityIncident.Kind.AUTHENTICATION_FAILED, request, failure.getMessage()));
              if (keycloak.answers()) {
                response.sendRedirect(request.getContextPath() + "/?login=failed");
              } else {
                // Keycloak went down between its login form and the code's exchange
                loginUnavailable.answer(request, response);
              }
            }))
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(handlers.apiUnauthenticated, api)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PATH), request -> true)
            .accessDeniedHandler(handlers.denied))
        .csrf(csrf -> csrf
            .csrfTokenRepository(csrfTokens)
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            // the operator console has its own CSRF protection (header token) for its API calls
            .ignoringRequestMatchers(request -> request.getRequestURI().startsWith(
                request.getContextPath() + "/operaton/")))
        .addFilterAfter(new CsrfCookieFilter(csrfTokens), org.springframework.security.web.csrf.CsrfFilter.class)
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(keycloakLogout(identity, keycloak)));
    return http.build();
  }

  /**
   * The security headers of every answer, for both chains. The pages load only their own scripts,
   * style sheets, fonts and data (Vite bundles form-js and ECharts); inline style attributes are
   * allowed, inline scripts and style elements are not; images may be data: URIs (form-js' icons) or blob: URLs;
   * forms post to the service, and to Keycloak (the logout's way out). No page may be framed. The
   * operator console (Cockpit) sets its own policy, which this one does not replace (Spring writes a
   * header only where the answer has none). HSTS only in the {@code prod} profile, behind TLS: there on
   * every answer, since TLS usually ends at a proxy in front of the service, and browsers ignore it on
   * plain HTTP.
   */
  private static void headers(HeadersConfigurer<HttpSecurity> headers, IdentityProperties identity,
      Environment environment) {
    java.net.URI issuer = java.net.URI.create(identity.issuer());
    String keycloak = issuer.getScheme() + "://" + issuer.getAuthority();
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            // style attributes (the pages' own el(..., { style }) and ECharts' tooltips): they run no script;
            // style elements stay 'self' only
            "style-src-attr 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self' " + keycloak,
            "frame-ancestors 'none'")))
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .contentTypeOptions(options -> { })
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    if (environment.matchesProfiles("prod")) {
      headers.httpStrictTransportSecurity(hsts -> hsts
          .requestMatcher(AnyRequestMatcher.INSTANCE)
          .maxAgeInSeconds(31_536_000)
          .includeSubDomains(true));
    } else {
      headers.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
    }
  }

  /** Who may call what, by role: one rule set for both chains. */
  private static void rules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
    auth
            // the landing page, its assets, and the way to Keycloak's self-registration are public
            .requestMatchers("/", "/index.html", "/register", "/assets/**", "/favicon.ico", "/error").permitAll()
            // a certificate's verification (its QR code): anyone holding the paper, no account
            .requestMatchers("/verify.html").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/certificates/verification").permitAll()
            .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
            .requestMatchers("/api/me").authenticated()
            .requestMatchers(HttpMethod.GET, "/api/institutions").permitAll()
            .requestMatchers("/api/portal/**").hasRole("FAMILY")
            .requestMatchers(HttpMethod.POST, "/api/foster-applications", "/api/adoption-applications").hasRole("FAMILY")
            // 机构内家庭式养育 (couples): open calls are public; a director opens one; a couple applies
            .requestMatchers(HttpMethod.GET, "/api/family-style/calls").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/family-style/calls").hasRole("DIRECTOR")
            .requestMatchers(HttpMethod.POST, "/api/family-style/applications").hasRole("FAMILY")
            .requestMatchers(HttpMethod.GET, "/api/family-style/contracts/*").hasAnyRole("CASEWORKER", "DIRECTOR", "AUDITOR")
            .requestMatchers(HttpMethod.GET, "/api/audit/verify").hasAnyRole("AUDITOR", "ADMIN")
            .requestMatchers(HttpMethod.GET, "/api/audit").hasRole("AUDITOR")
            .requestMatchers(HttpMethod.GET, "/api/worklist", "/api/worklist/processes", "/api/incidents")
                .hasAnyRole(STAFF_AND_AUDITOR)
            // families work the tasks addressed to their own household (scope decides which)
            .requestMatchers(HttpMethod.GET, "/api/tasks/*").hasAnyRole(STAFF_FAMILY_AND_AUDITOR)
            .requestMatchers(HttpMethod.POST, "/api/tasks/*/assignee").hasRole("DIRECTOR")
            .requestMatchers(HttpMethod.POST, "/api/tasks/*/claim", "/api/tasks/*/unclaim", "/api/tasks/*/complete")
                .hasAnyRole(STAFF_AND_FAMILY)
            // the dashboard: those who supervise the work (scope in the dashboard's counts)
            .requestMatchers(HttpMethod.GET, "/api/dashboard", "/api/dashboard.csv").hasAnyRole("DIRECTOR", "REGISTRAR", "AUDITOR")
            .requestMatchers(HttpMethod.GET, "/api/foster-register").hasAnyRole("CASEWORKER", "DIRECTOR", "REGISTRAR", "AUDITOR")
            // the placement board, its rules, the child's hearings and the agreement PDF: the institution's
            // staff (scope in FosterPlacementBoard); the family reads its own agreement under /api/portal/**
            .requestMatchers(HttpMethod.GET, "/api/foster-placements", "/api/foster-placement-rules",
                "/api/foster-placements/*/agreement.pdf", "/api/foster-placements/*/termination-notice.pdf",
                "/api/children/*/foster-consent")
                .hasAnyRole("CASEWORKER", "DIRECTOR")
            .requestMatchers(HttpMethod.GET, "/api/applications/*", "/api/applications/*/journey", "/api/documents/*/content")
                .hasAnyRole("CASEWORKER", "DIRECTOR", "REGISTRAR", "ASSESSOR", "AUDITOR", "FAMILY")
            // the registrar uploads for the adopters what they bring in person (登记办法 art. 6)
            .requestMatchers(HttpMethod.POST, "/api/applications/*/documents").hasAnyRole("CASEWORKER", "REGISTRAR", "FAMILY")
            .requestMatchers(HttpMethod.POST, "/api/applications/*/seal").hasRole("REGISTRAR")
            .requestMatchers(HttpMethod.POST, "/api/applications/*/assessors").hasAnyRole("CASEWORKER", "DIRECTOR", "REGISTRAR")
            .requestMatchers(HttpMethod.GET, "/api/applications/*/assessors").hasAnyRole(STAFF_AND_AUDITOR)
            // the child's consent (民法典 art. 1104) is heard by an official; families do not read the child's words
            .requestMatchers(HttpMethod.POST, "/api/applications/*/child-consent").hasAnyRole("REGISTRAR", "ASSESSOR")
            .requestMatchers(HttpMethod.GET, "/api/applications/*/child-consent").hasAnyRole(STAFF_AND_AUDITOR)
            // children's files: kept by institution staff, read by registrars and auditors (scope in Children)
            .requestMatchers(HttpMethod.GET, "/api/children", "/api/children/*", "/api/children/*/history",
                "/api/children/*/root-seeking-visits", "/api/children/*/documents", "/api/children/*/documents/*/content")
                .hasAnyRole("CASEWORKER", "DIRECTOR", "REGISTRAR", "AUDITOR")
            .requestMatchers(HttpMethod.POST, "/api/children", "/api/children/*/placements", "/api/children/*/siblings",
                "/api/children/*/adoption-placement", "/api/children/*/root-seeking-visits", "/api/children/*/documents",
                "/api/root-seeking-visits")
                .hasAnyRole("CASEWORKER", "DIRECTOR")
            .requestMatchers(HttpMethod.POST, "/api/children/*/birth-parent-claim").hasRole("REGISTRAR")
            .requestMatchers(HttpMethod.PUT, "/api/children/*").hasAnyRole("CASEWORKER", "DIRECTOR")
            // 家庭寄养安置: matched and heard by the caseworker, read by the institution's staff (scope in
            // FosterPlacements); the family signs and reads its own under /api/portal/**
            .requestMatchers(HttpMethod.POST, "/api/foster-placements", "/api/children/*/foster-consent").hasRole("CASEWORKER")
            .requestMatchers(HttpMethod.GET, "/api/children/*/foster-placements", "/api/foster-families/*/placements")
                .hasAnyRole("CASEWORKER", "DIRECTOR")
            // during the placement: visits and respites by the caseworker or the director, termination by
            // the director (arts. 18–20); the family asks for either under /api/portal/**
            .requestMatchers(HttpMethod.GET, "/api/foster-placements/*/care-record").hasAnyRole("CASEWORKER", "DIRECTOR")
            .requestMatchers(HttpMethod.POST, "/api/foster-placements/*/respites", "/api/foster-placements/*/visits/*/photos")
                .hasAnyRole("CASEWORKER", "DIRECTOR")
            .requestMatchers(HttpMethod.POST, "/api/foster-placements/*/termination").hasRole("DIRECTOR")
            // 寄养家庭名册续期与复查: the institution's own entries (scope in RegisterRenewals); checks are the
            // caseworker's, suspension the director's
            .requestMatchers(HttpMethod.GET, "/api/foster-register/*/renewal").hasAnyRole("CASEWORKER", "DIRECTOR")
            .requestMatchers(HttpMethod.POST, "/api/foster-register/*/member-checks").hasRole("CASEWORKER")
            .requestMatchers(HttpMethod.POST, "/api/foster-register/*/suspension").hasRole("DIRECTOR")
            .requestMatchers(HttpMethod.DELETE, "/api/foster-register/*/suspension").hasRole("DIRECTOR")
            // 机构内家庭式养育: the units board for staff (auditors read it); the director changes units and assignments
            .requestMatchers(HttpMethod.GET, "/api/family-style/units").hasAnyRole("CASEWORKER", "DIRECTOR", "AUDITOR")
            .requestMatchers(HttpMethod.POST, "/api/family-style/units", "/api/family-style/units/*/children",
                "/api/family-style/units/*/children/*/end").hasRole("DIRECTOR")
            .requestMatchers(HttpMethod.PUT, "/api/family-style/units/*").hasRole("DIRECTOR")
            .requestMatchers(HttpMethod.GET, "/api-docs.html", "/swagger-ui/**", "/v3/api-docs/**").authenticated()
            // the operator console (engine/OperatorConsole): Cockpit only, for admins; tasks are worked
            // through the registry's pages, so Tasklist and the engine's user admin stay closed
            // (Cockpit asks the admin API's auth endpoint who is signed in)
            .requestMatchers("/operaton/api/admin/auth/**").hasRole("ADMIN")
            .requestMatchers("/operaton/app/tasklist/**", "/operaton/app/admin/**",
                "/operaton/api/tasklist/**", "/operaton/api/admin/**").denyAll()
            .requestMatchers("/operaton/**").hasRole("ADMIN")
            // pages other than the landing page need a login; any API path not listed above is refused
            .requestMatchers("/api/**").denyAll()
            .anyRequest().authenticated();
  }

  /** Answers for the API: 401 and 403 as problem+json, each recorded as a security incident. */
  private static final class Handlers {
    final AuthenticationEntryPoint apiUnauthenticated;
    final AccessDeniedHandler denied;

    Handlers(ProblemAnswers answers, ApplicationEventPublisher events) {
      apiUnauthenticated = (request, response, failure) -> {
        // presenting no credentials (the landing page asking who is signed in) is not a failed login
        if (request.getHeader("Authorization") != null) {
          events.publishEvent(incident(SecurityIncident.Kind.AUTHENTICATION_FAILED, request, failure.getMessage()));
        }
        problem(answers, request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
      };
      denied = (request, response, failure) -> {
        if (isAnonymous()) {
          // e.g. a POST without token or session fails the CSRF check first: the truth is "not signed in"
          apiUnauthenticated.commence(request, response,
              new org.springframework.security.authentication.InsufficientAuthenticationException(failure.getMessage()));
          return;
        }
        events.publishEvent(incident(SecurityIncident.Kind.ACCESS_DENIED, request, failure.getMessage()));
        // a signed-in page whose token is missing or stale (or a forged request): not a matter of role
        String kind = failure instanceof CsrfException ? "csrf" : "forbidden";
        problem(answers, request, response, HttpStatus.FORBIDDEN, "problem." + kind);
      };
    }
  }

  /**
   * Ends the Keycloak session too (RP-initiated logout), then comes back to the landing page. While
   * Keycloak does not answer, the session here is ended all the same and the landing page says that
   * Keycloak's own session could not be ended (it ends by Keycloak's idle timeout, or a later logout).
   */
  private static LogoutSuccessHandler keycloakLogout(IdentityProperties identity, IssuerProbe keycloak) {
    return (request, response, authentication) -> {
      if (!keycloak.answers()) {
        response.sendRedirect(request.getContextPath() + "/?logout=local");
        return;
      }
      String back = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
          + request.getContextPath() + "/";
      StringBuilder url = new StringBuilder(identity.endpoint("logout"))
          .append("?client_id=").append(encode(identity.clientId()))
          .append("&post_logout_redirect_uri=").append(encode(back));
      if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
        url.append("&id_token_hint=").append(encode(user.getIdToken().getTokenValue()));
      }
      response.sendRedirect(url.toString());
    };
  }

  private static boolean isAnonymous() {
    var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    return authentication == null
        || authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken;
  }

  private static SecurityIncident incident(SecurityIncident.Kind kind, HttpServletRequest request, String detail) {
    java.security.Principal principal = request.getUserPrincipal();
    return new SecurityIncident(kind, principal == null ? null : principal.getName(), request.getMethod(),
        request.getRequestURI(), request.getRemoteAddr(), detail);
  }

  /** The problem whose title and detail are the labels {@code <key>.title} and {@code <key>.detail}. */
  private static void problem(ProblemAnswers answers, HttpServletRequest request, HttpServletResponse response,
      HttpStatus status, String key) throws IOException {
    response.setStatus(status.value());
    answers.write(request, response, labels -> {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, labels.of(key + ".detail"));
      problem.setTitle(labels.of(key + ".title"));
      return problem;
    });
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Hands a page with a session the copy of its CSRF token in the cookie, so the page can echo it (X-XSRF-TOKEN). */
  private static final class CsrfCookieFilter extends OncePerRequestFilter {
    private final SessionCsrfTokens tokens;

    CsrfCookieFilter(SessionCsrfTokens tokens) {
      this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        tokens.offer(token, request, response);
      }
      chain.doFilter(request, response);
    }
  }

}
