package dev.whosthat.oauth.application.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README shows how to drive the use cases from plain Java, without Vert.x. This test takes
 * that exact snippet out of the README, compiles it against this module's test class path (domain,
 * application, memory adapter, no Vert.x) and runs it.
 */
class ReadmeEmbeddingSnippetTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- embedding-snippet:start -->\\s*```java\\n(.*?)```\\s*<!-- embedding-snippet:end -->", Pattern.DOTALL);

    @Test
    void theReadmeSnippetCompilesAndIssuesAValidTokenWithoutVertx(@TempDir Path work) throws Exception {
        String classPath = System.getProperty("java.class.path");
        assertThat(classPath).doesNotContain("vertx");

        Path source = work.resolve("EmbeddedOAuth.java");
        Files.writeString(source, snippetFromReadme());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, null, diagnostics, "-classpath", classPath, "-d", work.toString(), source.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(runMain(work, classPath)).contains("token is valid for reports:read: true");
    }

    private static String snippetFromReadme() throws IOException {
        Path readme = Path.of("..", "README.md");
        Matcher matcher = SNIPPET.matcher(Files.readString(readme));
        assertThat(matcher.find()).as("README.md has the embedding snippet between its markers").isTrue();
        return matcher.group(1);
    }

    /** Runs the compiled snippet in a loader that sees only the class path entries and the JDK. */
    private static String runMain(Path compiled, String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(compiled.toUri().toURL());
        for (String entry : Arrays.asList(classPath.split(File.pathSeparator))) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("EmbeddedOAuth").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
