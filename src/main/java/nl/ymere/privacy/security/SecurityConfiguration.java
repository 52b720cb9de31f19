package nl.ymere.privacy.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login (DESIGN principle 5): form login for browsers, HTTP Basic for API clients, both against the engine's
 * identity service ({@link CamundaIdentityAuthenticationProvider}, slowed down by the {@link LoginThrottle}). The
 * Camunda webapps and {@code /engine-rest} take that login through Camunda's container-based authentication;
 * {@code /api} calls run with the engine authentication set by {@link EngineAuthenticationFilter}.
 *
 * <p>Two chains (issue 14 finding 6): {@code /engine-rest/**} is stateless and takes HTTP Basic only, so a browser's
 * session cookie authenticates nothing there and a foreign page cannot make an admin's browser deploy or change
 * anything (the Modeler and other API clients send Basic anyway). Everything else, the webapps' own engine API
 * ({@code /camunda/api/**}, protected by Camunda's {@code X-XSRF-TOKEN} check) included, uses the session of the form
 * login. Both send the {@link ProductHeaders}.
 */
@Configuration
class SecurityConfiguration {

  static final String[] PUBLIC_PATHS = {
      "/actuator/health", "/actuator/health/**", "/login", "/error", "/favicon.ico", "/css/**",
      // public request form and one-time upload links for masked ID copies
      "/verzoek", "/verzoek/**", "/upload/**",
      // download page of a secure electronic delivery of an access dossier (link + one-time code, ID-5)
      "/inzage/**",
      // public consent page: withdraw per purpose after a code sent to the address on file (issue 20, CON-2)
      "/toestemming", "/toestemming/**"};

  /**
   * Where a post of the public request form without a valid CSRF token (its session expired) is forwarded: the form
   * again with what the visitor typed and a fresh token, instead of a bare 403 (request.PublicRequestFormController).
   */
  static final String PUBLIC_FORM_SESSION_EXPIRED = "/verzoek/sessie-verlopen";

  /**
   * No observation around each of Spring Security's filters, authentications and authorizations: per request they
   * cost more CPU than the authentication itself (issue 4 benchmark); {@code http.server.requests} still measures
   * every request.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * The engine REST API: HTTP Basic on every call, no session read or created, so no CSRF to forge. Its password
   * check ({@code POST /identity/verify}) is closed: it would test passwords past the login throttle.
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineRestFilterChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
      ProblemAccessDeniedHandler accessDeniedHandler) throws Exception {
    http
        // Path matchers, not MVC ones: the engine REST API and the webapps' API are Jersey servlets of their own.
        .securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(new AntPathRequestMatcher("/engine-rest/identity/verify")).denyAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.disable()).addHeaderWriter(new ProductHeaders()))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDeniedHandler));
    return http.build();
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
      ProblemAccessDeniedHandler accessDeniedHandler) throws Exception {
    RequestMatcher apiClients = new OrRequestMatcher(new AntPathRequestMatcher("/api/**"),
        new AntPathRequestMatcher("/actuator/**"));
    http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(PUBLIC_PATHS).permitAll()
            // The webapps log in through the Spring login (container-based); their own password login would test
            // passwords past the login throttle.
            .requestMatchers(new AntPathRequestMatcher("/camunda/api/admin/auth/user/*/login/**")).denyAll()
            .requestMatchers("/actuator/**", "/admin/**").hasAuthority(Groups.authority(Groups.ADMIN))
            // The rectification page: also the restricted-data teams, who apply changes to their own items (SEC-1
            // per item in RectificationPageService).
            .requestMatchers("/api/requests/*/rectification", "/api/requests/*/rectification/**")
            .hasAnyAuthority(Groups.authority(Groups.PRIVACY_DESK), Groups.authority(Groups.PRIVACY_OFFICERS),
                Groups.authority(Groups.NUISANCE_TEAM), Groups.authority(Groups.HOUSING_ADAPTATION))
            // Data-subject requests and their identity checks: the privacy desk and the privacy officers only.
            .requestMatchers("/api/requests", "/api/requests/**", "/api/identity/**")
            .hasAnyAuthority(Groups.authority(Groups.PRIVACY_DESK), Groups.authority(Groups.PRIVACY_OFFICERS))
            // Processor agreements and covenants (issue 7): registered by contract owners and privacy officers,
            // the register read also by the FG and management; POST /api/sharing-checks is open to every user.
            .requestMatchers(HttpMethod.POST, "/api/processor-agreements")
            .hasAnyAuthority(Groups.authority(Groups.PROCUREMENT), Groups.authority(Groups.PRIVACY_OFFICERS))
            .requestMatchers("/api/parties", "/api/processor-agreements/**").hasAnyAuthority(
                Groups.authority(Groups.PROCUREMENT), Groups.authority(Groups.PRIVACY_OFFICERS),
                Groups.authority(Groups.FG), Groups.authority(Groups.MANAGEMENT))
            // Camera register and placement requests (CAM-1): facility files; officers, FG and management read.
            .requestMatchers(HttpMethod.POST, "/api/cameras")
            .hasAuthority(Groups.authority(Groups.FACILITY))
            .requestMatchers("/api/cameras", "/api/cameras/**").hasAnyAuthority(Groups.authority(Groups.FACILITY),
                Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.FG),
                Groups.authority(Groups.MANAGEMENT))
            // Data breaches (issue 18, BRE-1/BRE-2): every employee reports one; the register is read by the privacy
            // officers and the FG; a processor's report (PRC-2) is recorded by procurement and the privacy officers.
            .requestMatchers(HttpMethod.POST, "/api/breaches").hasAnyAuthority(Groups.FUNCTIONAL.stream()
                .map(Groups::authority).toArray(String[]::new))
            .requestMatchers(HttpMethod.POST, "/api/parties/*/breach-reports").hasAnyAuthority(
                Groups.authority(Groups.PROCUREMENT), Groups.authority(Groups.PRIVACY_OFFICERS))
            // the list of persons affected (BRE-4) is compiled by the privacy officers who handle the breach
            .requestMatchers(HttpMethod.POST, "/api/breaches/*/persons", "/api/breaches/*/persons/**")
            .hasAuthority(Groups.authority(Groups.PRIVACY_OFFICERS))
            .requestMatchers("/api/breaches", "/api/breaches/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.FG))
            // Legal holds (RET-4): privacy officers place and release them; the FG reads them.
            .requestMatchers(HttpMethod.GET, "/api/legal-holds", "/api/legal-holds/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.FG))
            .requestMatchers("/api/legal-holds", "/api/legal-holds/**")
            .hasAuthority(Groups.authority(Groups.PRIVACY_OFFICERS))
            // Retention schedule (RET-1, issue 17): privacy officers propose and approve versions; the FG reads.
            .requestMatchers(HttpMethod.GET, "/api/retention-schedule", "/api/retention-schedule/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.FG))
            .requestMatchers("/api/retention-schedule", "/api/retention-schedule/**")
            .hasAuthority(Groups.authority(Groups.PRIVACY_OFFICERS))
            // Retention report (issue 17 item 6): privacy officers and the FG read it, as JSON, CSV and a page.
            .requestMatchers(HttpMethod.GET, "/api/retention/report", "/api/retention/report.csv",
                "/werkbank/bewaarrapport").hasAnyAuthority(Groups.authority(Groups.PRIVACY_OFFICERS),
                Groups.authority(Groups.FG))
            // Retention sweeps (RET-3, issue 17): officers start them; officers, the FG and the owner groups read the
            // list; owners keep items back (their own group's items, checked in RetentionSweeps).
            .requestMatchers(HttpMethod.POST, "/api/retention-sweeps")
            .hasAuthority(Groups.authority(Groups.PRIVACY_OFFICERS))
            .requestMatchers(HttpMethod.GET, "/api/retention-sweeps/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.FG),
                Groups.authority(Groups.PRIVACY_DESK), Groups.authority(Groups.NUISANCE_TEAM),
                Groups.authority(Groups.HOUSING_ADAPTATION), Groups.authority(Groups.FACILITY))
            .requestMatchers("/api/retention-sweeps/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.PRIVACY_DESK),
                Groups.authority(Groups.NUISANCE_TEAM), Groups.authority(Groups.HOUSING_ADAPTATION),
                Groups.authority(Groups.FACILITY))
            // Fraud signals are criminal-law data: fraud assessors and privacy officers only (SEC-1); figures: officers.
            .requestMatchers("/api/fraud-oversight").hasAuthority(Groups.authority(Groups.PRIVACY_OFFICERS))
            .requestMatchers("/api/fraud-signals", "/api/fraud-signals/**")
            .hasAnyAuthority(Groups.authority(Groups.FRAUD_ASSESSORS), Groups.authority(Groups.PRIVACY_OFFICERS))
            // Privacy complaints (issue 19, CMP-1): the desk and the officers register; desk, officers and the FG read.
            .requestMatchers(HttpMethod.POST, "/api/complaints").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_DESK), Groups.authority(Groups.PRIVACY_OFFICERS))
            .requestMatchers("/api/complaints", "/api/complaints/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_DESK), Groups.authority(Groups.PRIVACY_OFFICERS),
                Groups.authority(Groups.FG))
            // Compelled disclosures (issue 19, PRC-7): privacy officers register; only officers and the FG read.
            .requestMatchers(HttpMethod.POST, "/api/disclosure-demands")
            .hasAuthority(Groups.authority(Groups.PRIVACY_OFFICERS))
            .requestMatchers("/api/disclosure-demands/**", "/api/disclosures", "/api/disclosures/**")
            .hasAnyAuthority(Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.FG))
            // AP inquiries (issue 19 item 2, CMP-4): privacy officers register; officers and the FG read the register.
            .requestMatchers(HttpMethod.POST, "/api/ap-inquiries")
            .hasAuthority(Groups.authority(Groups.PRIVACY_OFFICERS))
            .requestMatchers("/api/ap-inquiries", "/api/ap-inquiries/**")
            .hasAnyAuthority(Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.FG))
            // Consent register (issue 20, CON-1..CON-3): the desk and the privacy officers register and withdraw;
            // the register of processing activities (Art 30, ROP-1) is read by the privacy officers and the FG.
            .requestMatchers("/api/consents", "/api/consents/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_DESK), Groups.authority(Groups.PRIVACY_OFFICERS))
            // register changes (ROP-1) are decided by privacy officers only; the FG reads (Art 38(6))
            .requestMatchers(HttpMethod.POST, "/api/register/**")
            .hasAuthority(Groups.authority(Groups.PRIVACY_OFFICERS))
            .requestMatchers("/api/register", "/api/register/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.FG))
            // A case's reference, kind and due date for Tasklist's start notice (issue 16): every Tasklist user; the
            // engine's authorizations decide per case (workbench.StartedCases), an unseen case is a 404.
            .requestMatchers(HttpMethod.GET, "/api/cases/*").hasAnyAuthority(Groups.FUNCTIONAL.stream()
                .map(Groups::authority).toArray(String[]::new))
            // The workbench (issue 16): the overview for desk and officers; a task's case for whoever may see the task
            // (checked against the engine's task authorizations in workbench.TaskCases).
            .requestMatchers("/werkbank/taken/**").authenticated()
            // The workbench's lists of complaints and breaches (issue 16 item 3): the groups of their registers,
            // /api/complaints (desk, officers, FG) and /api/breaches (officers, FG).
            .requestMatchers("/werkbank/klachten", "/werkbank/klachten/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_DESK), Groups.authority(Groups.PRIVACY_OFFICERS),
                Groups.authority(Groups.FG))
            .requestMatchers("/werkbank/datalekken", "/werkbank/datalekken/**").hasAnyAuthority(
                Groups.authority(Groups.PRIVACY_OFFICERS), Groups.authority(Groups.FG))
            .requestMatchers("/werkbank", "/werkbank/**").hasAnyAuthority(Groups.authority(Groups.PRIVACY_DESK),
                Groups.authority(Groups.PRIVACY_OFFICERS))
            .anyRequest().authenticated())
        // Tasklist shows a task's case in a frame of the same origin (workbench "Zaak" tab, /werkbank/taken/**):
        // X-Frame-Options and the Content-Security-Policy per path in ProductHeaders
        .headers(headers -> headers.frameOptions(frame -> frame.disable()).addHeaderWriter(new ProductHeaders()))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/camunda/app/tasklist/", false))
        // Wrong Basic credentials on /api get the same problem+json 401 as missing ones (DESIGN: "401: no or wrong
        // credentials"); the default Basic entry point would answer with the servlet error page's JSON.
        .httpBasic(basic -> basic.authenticationEntryPoint(basicFailures(entryPoint, apiClients)))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor(entryPoint, apiClients)
            .defaultAccessDeniedHandlerFor(publicFormSessionExpired(), new AntPathRequestMatcher("/verzoek/**"))
            .defaultAccessDeniedHandlerFor(accessDeniedHandler, apiClients)
            // everything else as before the public form had its own handler
            .defaultAccessDeniedHandlerFor(accessDeniedHandler, AnyRequestMatcher.INSTANCE))
        // The webapps carry their own CSRF protection (Camunda's X-XSRF-TOKEN header on /camunda/api/**).
        .csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/camunda/**"),
            // Nothing to forge without a session: Basic-authenticated or anonymous API calls (the latter get 401).
            // The same for the admins' outbox actions called by an integration with Basic (no session).
            request -> (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/admin/"))
                && (request.getHeader("Authorization") != null || request.getSession(false) == null)));
    return http.build();
  }

  /** Wrong Basic credentials: problem+json on the API, a plain Basic challenge elsewhere; 429 during a delay. */
  private static AuthenticationEntryPoint basicFailures(AuthenticationEntryPoint apiEntryPoint,
      RequestMatcher apiClients) {
    BasicAuthenticationEntryPoint others = new BasicAuthenticationEntryPoint();
    others.setRealmName("Realm");
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
    byRequest.put(apiClients, apiEntryPoint);
    DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byRequest);
    entryPoint.setDefaultEntryPoint(others);
    return (request, response, failure) -> (failure instanceof LoginThrottledException ? apiEntryPoint : entryPoint)
        .commence(request, response, failure);
  }

  private static AccessDeniedHandler publicFormSessionExpired() {
    AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
    handler.setErrorPage(PUBLIC_FORM_SESSION_EXPIRED);
    return handler;
  }

  /** Tasklist, Cockpit and Admin take the Spring login (registered after the Spring Security chain). */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * The engine REST API takes the Spring login too (HTTP Basic, {@link #engineRestFilterChain}); the engine's
   * authorizations then apply to each call.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName(),
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest"));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** Every /api call runs with the engine authentication of the logged-in user (cleared afterwards). */
  @Bean
  FilterRegistrationBean<EngineAuthenticationFilter> apiEngineAuthenticationFilter(EngineAuthenticationFilter filter) {
    FilterRegistrationBean<EngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/api/*", "/admin/*", "/werkbank/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }
}
