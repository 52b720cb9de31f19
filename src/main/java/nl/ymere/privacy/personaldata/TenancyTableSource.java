package nl.ymere.privacy.personaldata;

/**
 * A {@link SingleTableSource} whose rows are about a tenancy: a person matches by tenancy number, and a row is
 * personal data while it still carries one (anonymisation clears it).
 */
abstract class TenancyTableSource extends SingleTableSource {

  TenancyTableSource(SourceTable table, String tableName, String describeColumns) {
    super(table, tableName, describeColumns);
  }

  @Override
  final SubjectMatch match(SubjectKey subject) {
    return SubjectMatch.of(subject, "tenancy_number", null, null, null);
  }

  @Override
  final String liveCondition() {
    return "tenancy_number IS NOT NULL";
  }
}
