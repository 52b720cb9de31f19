package nl.ymere.privacy.access;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flagged items of an access review go to who may see them (issue 16 item 2; SEC-1, ACC-3). When the review task
 * opens, each restricted-data team whose source holds a special-category or criminal-law item of the person
 * ({@code nuisance-team}, {@code housing-adaptation}: the source's {@code flaggedItemReaders}) gets a Tasklist subtask
 * of the review, tied to its request and team in {@code privacy.access_team_review}, never in process variables. The
 * desk sees that such items exist, not their content, and cannot decide them ({@link AccessReviewService#decide} checks
 * who may read the item); a team member decides exactly the items of the team's sources, and completes the subtask once
 * each of them is decided. Every check runs here, against the product's tables and the user's groups, so a subtask
 * completed in Tasklist or through the engine API decides nothing: the review still needs every item decided.
 */
@Service
public class AccessTeamReviews {

  /** The subtask's name in Tasklist: a fixed text, no personal data (SEC-3). */
  static final String SUBTASK_NAME = "Bijzondere gegevens beoordelen (inzage)";

  private final AccessReviewService review;
  private final PersonalDataSources sources;
  private final RequestRecords requests;
  private final TaskService taskService;
  private final SystemActions system;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  AccessTeamReviews(AccessReviewService review, PersonalDataSources sources, RequestRecords requests,
      TaskService taskService, SystemActions system, JdbcTemplate jdbc, Clock clock) {
    this.review = review;
    this.sources = sources;
    this.requests = requests;
    this.taskService = taskService;
    this.system = system;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One team's part of one review: the subtask, its request and the team. */
  public record TeamReview(String taskId, String reference, String team) {
  }

  /**
   * The review task opened: a subtask for each team that owns a flagged item of the person, candidate group = the team,
   * due with the review. Returns the teams.
   */
  @Transactional
  public Set<String> open(String reference, String reviewTaskId, Date due) {
    Set<String> teams = new TreeSet<>();
    for (AccessItemRow row : review.items(reference)) {
      PersonalDataItem item = review.describe(row.ref());
      if (item.flagged()) {
        sources.source(item.system()).flaggedItemReaders().stream()
            .filter(group -> !Groups.PRIVACY_OFFICERS.equals(group)).forEach(teams::add);
      }
    }
    for (String team : teams) {
      String taskId = system.call(() -> {
        Task subtask = taskService.newTask();
        subtask.setName(SUBTASK_NAME);
        subtask.setParentTaskId(reviewTaskId);
        subtask.setDueDate(due);
        subtask.setDescription("Beoordeel de gegevens van dit inzageverzoek die alleen uw team mag zien: open het "
            + "beoordelingsscherm op de tab Zaak van deze taak.");
        taskService.saveTask(subtask);
        taskService.addCandidateGroup(subtask.getId(), team);
        return subtask.getId();
      });
      jdbc.update("INSERT INTO privacy.access_team_review (task_id, reference, team, review_task_id, created_at) "
          + "VALUES (?,?,?,?,?)", taskId, reference, team, reviewTaskId, clock.instant().atOffset(ZoneOffset.UTC));
    }
    if (!teams.isEmpty()) {
      requests.addEvent(requests.getByReference(reference).id(), clock.instant(), "ACCESS_TEAM_REVIEW_OPENED", null);
    }
    return teams;
  }

  /** The open team review of that subtask, or empty. The caller found the task with the user's own authorizations. */
  public Optional<TeamReview> find(String taskId) {
    return jdbc.query("SELECT task_id, reference, team FROM privacy.access_team_review WHERE task_id = ? "
        + "AND completed_at IS NULL AND closed_at IS NULL",
        (rs, n) -> new TeamReview(rs.getString(1), rs.getString(2), rs.getString(3)), taskId).stream().findFirst();
  }

  /** The review as the team member sees it: only the items of the team's sources, content where they may read it. */
  @Transactional
  public AccessReviewView view(TeamReview teamReview, DataReader reader) {
    requireMember(teamReview, reader);
    AccessReviewView all = review.view(teamReview.reference(), reader);
    List<AccessReviewView.Item> items = all.items().stream().filter(item -> ownedBy(item.system(), teamReview.team()))
        .toList();
    int undecided = (int) items.stream().filter(item -> item.decision() == null).count();
    return new AccessReviewView(all.reference(), all.reviewOpen(), undecided, items);
  }

  /**
   * A team member decides one of the team's items (ACC-3), through the review's own service and its checks. An item of
   * another source is not the team's to decide (SEC-1: need to know), whatever the form says.
   */
  @Transactional
  public AccessItemRow decide(TeamReview teamReview, ItemRef ref, AccessItemDecisionCommand command,
      DataReader reader) {
    requireMember(teamReview, reader);
    if (!ownedBy(ref.system(), teamReview.team())) {
      throw new ApiNotFoundException("Item " + ref + " is not one of the team's items of " + teamReview.reference()
          + ".");
    }
    return review.decide(teamReview.reference(), ref, command, reader);
  }

  /**
   * The team member is done: every item of the team decided, then the subtask is completed as that user.
   *
   * @throws IllegalStateException in Dutch, naming how many of the team's items are still undecided
   */
  @Transactional
  public void complete(TeamReview teamReview, DataReader reader) {
    long undecided = view(teamReview, reader).undecided();
    if (undecided > 0) {
      throw new IllegalStateException(undecided + " van de gegevens van uw team hebben nog geen beslissing "
          + "(verstrekken, afschermen of weigeren).");
    }
    int updated = jdbc.update("UPDATE privacy.access_team_review SET completed_by = ?, completed_at = ? "
        + "WHERE task_id = ? AND completed_at IS NULL AND closed_at IS NULL", reader.userId(),
        clock.instant().atOffset(ZoneOffset.UTC), teamReview.taskId());
    if (updated != 1) {
      throw new IllegalStateException("Deze taak is al afgerond.");
    }
    // the user's own engine authorization (candidate group) applies; a product call after the checks above
    ProductCalls.call(() -> {
      Task task = taskService.createTaskQuery().taskId(teamReview.taskId()).singleResult();
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), reader.userId());
      }
      taskService.complete(task.getId());
      return null;
    });
    requests.addEvent(requests.getByReference(teamReview.reference()).id(), clock.instant(),
        "ACCESS_TEAM_REVIEW_COMPLETED", reader.userId());
  }

  /** The review task completed: subtasks still open are removed (their items are decided, or the review refused). */
  @Transactional
  public void close(String reviewTaskId) {
    List<String> open = jdbc.queryForList("SELECT task_id FROM privacy.access_team_review WHERE review_task_id = ? "
        + "AND completed_at IS NULL AND closed_at IS NULL", String.class, reviewTaskId);
    for (String taskId : open) {
      system.run(() -> {
        if (taskService.createTaskQuery().taskId(taskId).count() > 0) {
          taskService.deleteTask(taskId, "review completed");
        }
      });
      jdbc.update("UPDATE privacy.access_team_review SET closed_at = ? WHERE task_id = ?",
          clock.instant().atOffset(ZoneOffset.UTC), taskId);
    }
  }

  private boolean ownedBy(String system, String team) {
    return sources.source(system).flaggedItemReaders().contains(team);
  }

  private static void requireMember(TeamReview teamReview, DataReader reader) {
    if (!reader.inAnyOf(Set.of(teamReview.team()))) {
      throw new RestrictedItemException(new ItemRef("team", teamReview.team()));
    }
  }
}
