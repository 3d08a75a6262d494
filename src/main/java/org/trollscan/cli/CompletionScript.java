package org.trollscan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.trollscan.files.OutputFile;
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
    try (OutputFile out = OutputFile.open(args[0], null)) {
      out.stream().write(script.getBytes(StandardCharsets.UTF_8));
      out.commit();
    }
  }
}
