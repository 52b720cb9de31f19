package nl.ymere.privacy.personaldata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An item with its exported content: what a dossier copy (ACC-1) or a portability file (POR-3) is built from. */
public record ItemContent(PersonalDataItem item, Map<String, String> fields) {

  public ItemContent {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
