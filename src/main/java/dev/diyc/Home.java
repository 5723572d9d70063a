package dev.diyc;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where diyc's project directory is: lessons/ and rootfs-images/ live there. */
public final class Home {
    private Home() {}

    public static Path dir() {
        String prop = System.getProperty("diyc.home");
        if (prop != null) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        try {
            // target/classes or target/diyc.jar -> the project directory two levels up
            Path code = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("lessons")) && Files.exists(p.resolve("pom.xml"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }
}
