package org.anjia.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run the Zeebe 8.6 broker (Java 21 or newer): JAVA_HOME first, then the
 * newest JDK under /usr/lib/jvm. The default JDK on these machines is 17, too old for the broker.
 */
public final class JavaHomes {

  public static final int MINIMUM_FEATURE_VERSION = 21;
  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private JavaHomes() {}

  public static Path findJdk21OrNewer() {
    return fromEnvironment()
        .or(JavaHomes::newestUnderUsrLibJvm)
        .orElseThrow(() -> new IllegalStateException(
            "No JDK " + MINIMUM_FEATURE_VERSION + "+ found: set JAVA_HOME or install one under /usr/lib/jvm"));
  }

  private static Optional<Path> fromEnvironment() {
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && featureVersion(Path.of(javaHome)) >= MINIMUM_FEATURE_VERSION) {
      return Optional.of(Path.of(javaHome));
    }
    Path running = Path.of(System.getProperty("java.home"));
    return Runtime.version().feature() >= MINIMUM_FEATURE_VERSION ? Optional.of(running) : Optional.empty();
  }

  private static Optional<Path> newestUnderUsrLibJvm() {
    try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
      return homes
          .filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> featureVersion(home) >= MINIMUM_FEATURE_VERSION)
          .max(Comparator.comparingInt(JavaHomes::featureVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static int featureVersion(Path javaHome) {
    try {
      Matcher matcher = VERSION.matcher(Files.readString(javaHome.resolve("release")));
      return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
