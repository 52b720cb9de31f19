package modularityfixture.good.request;

import modularityfixture.good.deadline.DeadlineCalculator;
import modularityfixture.good.request.internal.RequestRow;
import modularityfixture.good.security.CurrentUser;

public class RequestService {
  public RequestRow register(CurrentUser user) {
    DeadlineCalculator.due(java.time.LocalDate.now());
    return new RequestRow(user.id());
  }
}
