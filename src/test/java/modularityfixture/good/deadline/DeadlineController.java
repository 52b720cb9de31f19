package modularityfixture.good.deadline;

import modularityfixture.good.web.ApiErrors;

@org.springframework.web.bind.annotation.RestController
public class DeadlineController {
  public Object deadlines(String receivedAt) {
    new ApiErrors().add("receivedAt");
    return DeadlineCalculator.due(java.time.LocalDate.parse(receivedAt));
  }
}
