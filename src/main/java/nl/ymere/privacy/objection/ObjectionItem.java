package nl.ymere.privacy.objection;

import nl.ymere.privacy.personaldata.ItemRef;

/** An item the objection covers: reference and category only, and whether this objection restricted it. */
public record ObjectionItem(ItemRef ref, String category, boolean restrictedHere, boolean lifted) {
}
