package nl.ymere.privacy.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * ArchUnit import option: leaves out test classes wherever the build puts them. ArchUnit's own
 * {@code DoNotIncludeTests} knows only {@code target/test-classes}; the Operaton profile builds into
 * {@code target/operaton/test-classes} (issue 21), where the rule fixtures would otherwise count as production code.
 */
public final class ProductionClassesOnly implements ImportOption {

  @Override
  public boolean includes(Location location) {
    return !location.contains("/test-classes/");
  }
}
