package dev.meerkat.dashboard.config;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import dev.meerkat.dashboard.security.domain.Audited;
import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.domain.SignInProvider;
import dev.meerkat.dashboard.security.domain.SignInProviders;
import dev.meerkat.dashboard.security.domain.SignInThrottle;
import dev.meerkat.dashboard.security.domain.Users;
import dev.meerkat.dashboard.security.service.AuditLog;
import dev.meerkat.dashboard.security.service.AuditingInterceptor;
import dev.meerkat.dashboard.security.service.RoleAuthorities;
import dev.meerkat.dashboard.security.store.JdbcAuditLog;
import dev.meerkat.dashboard.security.ui.LoginView;
import dev.meerkat.dashboard.security.web.ApiTokenFilter;
import dev.meerkat.dashboard.security.web.JsonErrors;
import dev.meerkat.dashboard.security.web.OidcRoleMapper;
import dev.meerkat.dashboard.security.web.SessionTimeout;
import dev.meerkat.dashboard.security.web.ThrottledAuthenticationProvider;
import dev.meerkat.dashboard.security.web.UsersDetailsService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Sign-in and roles (docs/security.md): Vaadin's login view over the users file, optional OpenID
 * Connect, API tokens on {@code /api/**}, role checks on the services that change state (method
 * security) and the audit log of those changes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
// Pre/post annotations only: with JSR-250 on, the @PermitAll/@RolesAllowed that Vaadin reads on
// views would make Spring proxy the views themselves.
@EnableMethodSecurity
class SecurityConfiguration {

  private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  Users users(MeerkatProperties properties, ObjectProvider<ClientRegistrationRepository> oidc) {
    MeerkatProperties.Auth auth = properties.auth();
    Users users = UsersSetup.load(auth, oidc.getIfAvailable() != null);
    if (!auth.enabled()) {
      logger.warn(
          "Sign-in is switched off (meerkat.auth.enabled=false): everyone who can reach the"
              + " dashboard can read and change everything");
    } else {
      logger.info("Sign-in required; {} users configured", users.size());
    }
    return users;
  }

  @Bean
  SignInThrottle signInThrottle(MeerkatProperties properties, Clock clock) {
    MeerkatProperties.Auth auth = properties.auth();
    return new SignInThrottle(
        auth.maxFailures(), auth.lockDuration(), auth.maxLockDuration(), clock);
  }

  @Bean
  SessionTimeout sessionTimeout(MeerkatProperties properties) {
    return new SessionTimeout(properties.auth().sessionTimeout());
  }

  @Bean
  SignInProviders signInProviders(ObjectProvider<ClientRegistrationRepository> oidc) {
    List<SignInProvider> providers = new ArrayList<>();
    if (oidc.getIfAvailable() instanceof Iterable<?> registrations) {
      for (Object registration : registrations) {
        ClientRegistration r = (ClientRegistration) registration;
        providers.add(new SignInProvider(r.getRegistrationId(), r.getClientName()));
      }
    }
    return new SignInProviders(providers);
  }

  @Bean
  AuditLog auditLog(JdbcClient stateJdbc) {
    return new JdbcAuditLog(stateJdbc);
  }

  /** Writes every successful {@link Audited} call to the audit log, after the role check. */
  @Bean
  // An infrastructure bean: method security's auto-proxy creator applies only those.
  @org.springframework.context.annotation.Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor auditAdvisor(ObjectProvider<AuditLog> log, ObjectProvider<Clock> clock) {
    DefaultPointcutAdvisor advisor =
        new DefaultPointcutAdvisor(
            new AnnotationMatchingPointcut(null, Audited.class, true),
            new AuditingInterceptor(log::getObject, clock::getObject));
    // Lowest precedence: inside method security, so refused calls are not logged as changes.
    advisor.setOrder(Integer.MAX_VALUE);
    return advisor;
  }

  /** The machine endpoints: API tokens only, no session, JSON errors. */
  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http, MeerkatProperties properties, Users users, Clock clock) throws Exception {
    MeerkatProperties.Auth auth = properties.auth();
    JsonErrors errors = new JsonErrors();
    // Its own throttle: a script with a revoked token must not lock people out of the sign-in page.
    SignInThrottle tokenThrottle =
        new SignInThrottle(auth.maxFailures(), auth.lockDuration(), auth.maxLockDuration(), clock);
    http.securityMatcher("/api/**", "/metrics")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new ApiTokenFilter(users, tokenThrottle), BasicAuthenticationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
        .authorizeHttpRequests(
            requests -> {
              if (!auth.enabled() || auth.metricsOpen()) {
                requests.requestMatchers("/metrics").permitAll();
              }
              if (auth.enabled()) {
                requests.anyRequest().authenticated();
              } else {
                requests.anyRequest().permitAll();
              }
            });
    if (!auth.enabled()) {
      everyoneIsAdmin(http);
    }
    return http.build();
  }

  /** The pages: Vaadin's login view and view access annotations. */
  @Bean
  @Order(2)
  SecurityFilterChain uiSecurity(
      HttpSecurity http,
      MeerkatProperties properties,
      Users users,
      SignInThrottle throttle,
      ObjectProvider<ClientRegistrationRepository> oidc)
      throws Exception {
    MeerkatProperties.Auth auth = properties.auth();
    if (!auth.enabled()) {
      everyoneIsAdmin(http);
      return http.with(
              vaadin(),
              vaadin ->
                  vaadin.enableNavigationAccessControl(false).anyRequest(any -> any.permitAll()))
          .build();
    }
    DaoAuthenticationProvider passwords =
        new DaoAuthenticationProvider(new UsersDetailsService(users));
    passwords.setPasswordEncoder(new BCryptPasswordEncoder());
    http.authenticationProvider(new ThrottledAuthenticationProvider(passwords, throttle));
    if (oidc.getIfAvailable() != null) {
      OidcRoleMapper roles =
          new OidcRoleMapper(auth.oidc().rolesClaim(), role(auth.oidc().defaultRole()));
      http.oauth2Login(
          login ->
              login
                  .loginPage("/login")
                  .userInfoEndpoint(info -> info.userAuthoritiesMapper(roles)));
    }
    return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
  }

  /** With sign-in off, each request is an anonymous user holding every role. */
  private static void everyoneIsAdmin(HttpSecurity http) throws Exception {
    http.anonymous(
        anonymous -> anonymous.principal("anonymous").authorities(RoleAuthorities.of(Role.ADMIN)));
  }

  static Optional<Role> role(String text) {
    return text.isBlank() ? Optional.empty() : Role.parse(text);
  }
}
