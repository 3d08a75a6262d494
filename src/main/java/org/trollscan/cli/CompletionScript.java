package org.trollscan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Writes the bash/zsh completion script for {@code trollscan} (run by the build). The
 * subcommands are registered in code rather than in the annotation, so picocli's own generator,
 * which reads only the annotation, would miss them.
 */
public final class CompletionScript {
  private CompletionScript() {}

  public static void main(String[] args) throws IOException {
    PrintStream err = System.err;
    String script = AutoComplete.bash("trollscan",
        TrollscanCommand.commandLine(System.in, System.out, err));
    Files.writeString(Path.of(args[0]), script, StandardCharsets.UTF_8);
  }
}
