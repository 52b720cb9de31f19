package nl.ymere.privacy.personaldata;

/** One item in one source: the source's {@link PersonalDataSource#system()} and the item id it gave out. */
public record ItemRef(String system, String itemId) {

  public ItemRef {
    if (system == null || system.isBlank() || itemId == null || itemId.isBlank()) {
      throw new IllegalArgumentException("an item reference needs a source system and an item id");
    }
  }

  @Override
  public String toString() {
    return system + "/" + itemId;
  }
}
