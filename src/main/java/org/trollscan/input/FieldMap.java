package org.trollscan.input;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one CSV row as an immutable map in header order: the header and its index are
 * shared by every row of a file, so a row costs one array of values rather than a hash map.
 */
final class FieldMap extends AbstractMap<String, String> {
  private final List<String> names;
  private final Map<String, Integer> index;
  private final String[] values;

  /** @param index each name's position in {@code names}; values holds one value per name */
  FieldMap(List<String> names, Map<String, Integer> index, String[] values) {
    this.names = names;
    this.index = index;
    this.values = values;
  }

  @Override
  public String get(Object key) {
    Integer i = index.get(key);
    return i == null ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return index.containsKey(key);
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names.get(i), values[i]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }
}
