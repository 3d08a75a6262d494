package org.trollscan.language;

/** One language guesser for every test in the JVM: its model takes seconds to read. */
public final class SharedLanguageGuess {
  public static final LanguageGuess INSTANCE = LanguageGuess.loadInBackground();

  private SharedLanguageGuess() {}
}
