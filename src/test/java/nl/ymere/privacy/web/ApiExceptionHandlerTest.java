package nl.ymere.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shared RFC 9457 error format (DESIGN principle 7), checked on a sample controller without a Spring context. */
class ApiExceptionHandlerTest {

  final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SampleController())
      .setControllerAdvice(new ApiExceptionHandler()).build();

  enum Right { ACCESS, ERASURE }

  record Requester(@NotBlank String name, LocalDate dateOfBirth) {
  }

  record Sample(@NotNull Right right, DateOrDateTime receivedAt, @Valid @NotNull Requester requester,
      List<@Valid Requester> others) {
  }

  @RestController
  static class SampleController {

    @PostMapping(path = "/api/sample", consumes = MediaType.APPLICATION_JSON_VALUE)
    Sample post(@Valid @RequestBody Sample sample) {
      return sample;
    }

    @GetMapping("/api/sample")
    int count(@RequestParam int count) {
      return count;
    }

    @GetMapping("/api/sample/positive")
    int positive(@RequestParam @Min(1) int count) {
      return count;
    }

    @GetMapping("/api/sample/conflict")
    void conflict() {
      throw new ApiConflictException("The request was already extended.");
    }

    @GetMapping("/api/sample/unprocessable")
    void unprocessable() {
      throw new ApiUnprocessableException("A legal representative must file this request.");
    }

    @GetMapping("/api/sample/not-found")
    void notFound() {
      throw new ApiNotFoundException("No request with this reference.");
    }

    @GetMapping("/api/sample/too-large")
    void tooLarge() {
      throw new ApiPayloadTooLargeException("The upload is larger than 5 MB.");
    }

    @GetMapping("/api/sample/boom")
    void boom() {
      throw new IllegalStateException("Jan Jansen, Dorpsstraat 1");
    }

    @GetMapping("/api/sample/engine-denied")
    void engineDenied() {
      throw new AuthorizationException("The user with id 'desk' does not have 'READ' permission");
    }

    @GetMapping("/api/sample/denied")
    void denied() {
      throw new AccessDeniedException("no");
    }
  }

  ResultActions postJson(String json) throws Exception {
    return mvc.perform(post("/api/sample").contentType(MediaType.APPLICATION_JSON).content(json));
  }

  static ResultActions isProblem(ResultActions result, int status) throws Exception {
    return result.andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.title").isString())
        .andExpect(jsonPath("$.detail").isString());
  }

  @Test
  void acceptsAValidBody() throws Exception {
    postJson("""
        {"right":"ACCESS","receivedAt":"2026-03-01T10:00:00+01:00","requester":{"name":"A","dateOfBirth":"2000-01-31"}}
        """)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.receivedAt").value("2026-03-01T10:00+01:00"));
  }

  @Test
  void namesAnUnknownEnumValueWithTheAllowedValues() throws Exception {
    isProblem(postJson("""
        {"right":"TELEPORT","requester":{"name":"A"}}
        """), 400)
        .andExpect(jsonPath("$.errors[0].field").value("right"))
        .andExpect(jsonPath("$.errors[0].message").value("must be one of ACCESS, ERASURE"))
        .andExpect(content().string(not(containsString("TELEPORT"))));
  }

  @Test
  void namesABadNestedDateByItsDottedPathWithoutEchoingIt() throws Exception {
    isProblem(postJson("""
        {"right":"ACCESS","requester":{"name":"A","dateOfBirth":"1990-02-30"}}
        """), 400)
        .andExpect(jsonPath("$.errors[0].field").value("requester.dateOfBirth"))
        .andExpect(jsonPath("$.errors[0].message").value(IsoDates.DATE_EXPECTED))
        .andExpect(content().string(not(containsString("1990"))));
  }

  @Test
  void namesABadDateInsideAList() throws Exception {
    isProblem(postJson("""
        {"right":"ACCESS","requester":{"name":"A"},"others":[{"name":"B"},{"name":"C","dateOfBirth":"x"}]}
        """), 400)
        .andExpect(jsonPath("$.errors[0].field").value("others[1].dateOfBirth"));
  }

  @Test
  void namesABadDateOrDateTimeWithTheIsoDatesMessage() throws Exception {
    isProblem(postJson("""
        {"right":"ACCESS","receivedAt":"2026-09-30T10:00:00","requester":{"name":"A"}}
        """), 400)
        .andExpect(jsonPath("$.errors[0].field").value("receivedAt"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("offset")));
  }

  @Test
  void namesAValueOfTheWrongJsonType() throws Exception {
    isProblem(postJson("""
        {"right":"ACCESS","requester":"A"}
        """), 400)
        .andExpect(jsonPath("$.errors[0].field").value("requester"))
        .andExpect(jsonPath("$.errors[0].message").value("must be an object"));
  }

  @Test
  void answersMalformedJsonWithoutFieldList() throws Exception {
    isProblem(postJson("{\"right\": "), 400)
        .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."))
        .andExpect(jsonPath("$.errors").doesNotExist());
    isProblem(postJson(""), 400)
        .andExpect(jsonPath("$.errors").doesNotExist());
    isProblem(postJson("[1,2]"), 400)
        .andExpect(jsonPath("$.errors").doesNotExist());
  }

  @Test
  void listsBeanValidationProblemsByDottedPath() throws Exception {
    isProblem(postJson("""
        {"requester":{"name":" "},"others":[{"name":""}]}
        """), 400)
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.errors[*].field").value(
            org.hamcrest.Matchers.contains("others[0].name", "requester.name", "right")));
  }

  @Test
  void namesAMissingOrMistypedQueryParameter() throws Exception {
    isProblem(mvc.perform(get("/api/sample")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("count"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
    isProblem(mvc.perform(get("/api/sample").param("count", "many")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("count"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
  }

  @Test
  void namesAQueryParameterFailingMethodValidation() throws Exception {
    isProblem(mvc.perform(get("/api/sample/positive").param("count", "0")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("count"));
  }

  @Test
  void refusesAnotherContentTypeWith415() throws Exception {
    isProblem(mvc.perform(post("/api/sample").contentType(MediaType.TEXT_PLAIN).content("hello")), 415);
  }

  @Test
  void answersProductProblemsWithTheirStatus() throws Exception {
    isProblem(mvc.perform(get("/api/sample/conflict")), 409)
        .andExpect(jsonPath("$.detail").value("The request was already extended."));
    isProblem(mvc.perform(get("/api/sample/unprocessable")), 422)
        .andExpect(jsonPath("$.detail").value("A legal representative must file this request."));
    isProblem(mvc.perform(get("/api/sample/not-found")), 404);
    isProblem(mvc.perform(get("/api/sample/too-large")), 413);
    isProblem(mvc.perform(get("/api/sample/engine-denied")), 403)
        .andExpect(content().string(not(containsString("desk"))));
  }

  @Test
  void hidesTheCauseOfAnUnexpectedError() throws Exception {
    isProblem(mvc.perform(get("/api/sample/boom")), 500)
        .andExpect(content().string(not(containsString("Jansen"))));
  }

  @Test
  void leavesSpringSecurityExceptionsToSpringSecurity() {
    assertThatThrownBy(() -> mvc.perform(get("/api/sample/denied")))
        .hasRootCauseInstanceOf(AccessDeniedException.class);
  }

  @Test
  void describesFieldProblemsInTheDetail() {
    assertThat(ApiValidationException.describe(List.of(new ApiFieldError("a", "is required"),
        new ApiFieldError(null, "dates disagree")))).isEqualTo("a: is required; dates disagree");
  }
}
