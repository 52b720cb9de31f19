package nl.ymere.privacy.camera;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Demo footage store: {@code <privacy.camera.footage-dir>/<camera reference>/<UTC recording time>.mp4}, e.g.
 * {@code CAM-2026-000001/20260305T101500Z.mp4}. The recording time is read from the file name.
 */
@Component
class FileFootageStore implements FootageStore {

  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Pattern REFERENCE = Pattern.compile("[A-Z]{3}-\\d{4}-\\d{6}");
  private static final String SUFFIX = ".mp4";

  private final Path root;

  FileFootageStore(CameraProperties properties) {
    this.root = properties.footageDir().toAbsolutePath().normalize();
  }

  @Override
  public FootageItem store(String cameraReference, Instant recordedAt, byte[] content) {
    Path dir = cameraDir(cameraReference);
    String name = NAME.format(recordedAt) + SUFFIX;
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FootageItem(cameraReference, cameraReference + "/" + name, recordedAt);
  }

  @Override
  public List<FootageItem> list(String cameraReference) {
    Path dir = cameraDir(cameraReference);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(SUFFIX))
          .map(name -> new FootageItem(cameraReference, cameraReference + "/" + name,
              NAME.parse(name.substring(0, name.length() - SUFFIX.length()), Instant::from)))
          .sorted(Comparator.comparing(FootageItem::recordedAt))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public InputStream open(FootageItem item) {
    try {
      return Files.newInputStream(file(item));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(FootageItem item) {
    try {
      Files.deleteIfExists(file(item));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void deleteExport(String exportKey) {
    Path exports = root.resolve("exports").normalize();
    Path copy = root.resolve(exportKey).normalize();
    if (!copy.startsWith(exports)) {
      throw new IllegalArgumentException("not an export key");
    }
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String export(FootageItem item, String requestReference) {
    if (requestReference == null || !REFERENCE.matcher(requestReference).matches()) {
      throw new IllegalArgumentException("not a request reference");
    }
    Path dir = root.resolve("exports").resolve(requestReference);
    Path target = dir.resolve(file(item).getFileName());
    try {
      Files.createDirectories(dir);
      Files.copy(file(item), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "exports/" + requestReference + "/" + target.getFileName();
  }

  private Path file(FootageItem item) {
    Path file = root.resolve(item.storageKey()).normalize();
    if (!file.startsWith(cameraDir(item.cameraReference()))) {
      throw new IllegalArgumentException("storage key outside the camera's directory");
    }
    return file;
  }

  private Path cameraDir(String cameraReference) {
    if (cameraReference == null || !REFERENCE.matcher(cameraReference).matches()) {
      throw new IllegalArgumentException("not a camera reference");
    }
    return root.resolve(cameraReference);
  }
}
