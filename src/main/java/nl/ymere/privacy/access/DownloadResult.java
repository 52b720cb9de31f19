package nl.ymere.privacy.access;

/**
 * The state of a download link and the result of one attempt on it, as logged in {@code privacy.access_download_log}
 * (USABLE and MALFORMED_CODE are never logged).
 */
enum DownloadResult {
  /** Page state only: the link works and asks for the code. */
  USABLE,
  /** The code given is not six digits: bad input, nothing counted or changed. */
  MALFORMED_CODE,
  /** Right code: the dossier is handed out. */
  DOWNLOADED,
  /** Wrong code; attempts left. */
  WRONG_CODE,
  /** Wrong code and no attempts left, or the link was blocked earlier. */
  BLOCKED,
  /** The link's validity has passed. */
  EXPIRED,
  /** The allowed number of downloads has been reached. */
  USED_UP,
  /** Replaced by a newer link, or unknown. */
  INVALID
}
