package org.trollscan.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyCuesTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      done                                                             | true  | true
      mine's sent                                                      | true  | true
      Mine’s sent                                                      | true  | true
      same, all sent                                                   | true  | true
      +1                                                               | true  | true
      me too x                                                         | true  | true
      lovely photo                                                     | true  | false
      bloody hell it's cold                                            | true  | false
      Someone ring social services on her, the kids are always filthy  | false | false
      done, and I told every single person in my office to do it too  | false | false
      """)
  void shortRepliesThatReferBackAreTold(String text, boolean isShort, boolean refersBack) {
    assertEquals(isShort, ReplyCues.isShort(text), "short");
    assertEquals(refersBack, ReplyCues.refersBack(text), "refers back");
  }
}
