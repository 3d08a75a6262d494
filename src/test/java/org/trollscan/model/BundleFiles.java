package org.trollscan.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Takes bundles apart and puts them back together as an attacker or a careless hand would: raw
 * zip entries in order, with no check, and optionally "resealed" (every checksum and size in the
 * manifest, and the manifest's own checksum, recomputed to match), to reach the checks that sit
 * behind the checksums.
 */
public final class BundleFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BundleFiles() {}

  /** One zip entry; {@code bytes} null for a generated entry that {@link #write} streams. */
  public record Entry(String name, byte[] bytes, long zeros) {
    public Entry(String name, byte[] bytes) {
      this(name, bytes, 0);
    }

    /** An entry of {@code zeros} zero bytes, never held in memory: a zip bomb. */
    public static Entry bomb(String name, long zeros) {
      return new Entry(name, null, zeros);
    }

    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** A bundle's entries as stored, in order, duplicates included. */
  public static List<Entry> entries(Path bundle) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        entries.add(new Entry(e.getName(), zip.readAllBytes()));
      }
    }
    return entries;
  }

  /** The bytes of the first entry of that name. */
  public static byte[] get(List<Entry> entries, String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().bytes();
  }

  /** A copy with the first entry of that name replaced. */
  public static List<Entry> replace(List<Entry> entries, String name, byte[] bytes) {
    List<Entry> out = new ArrayList<>(entries);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).name().equals(name)) {
        out.set(i, new Entry(name, bytes));
        return out;
      }
    }
    throw new IllegalArgumentException("no entry " + name);
  }

  /**
   * Writes entries as a zip, streaming bomb entries (deflated zeros) without holding them. A name
   * twice is written too: ZipOutputStream refuses it, so the copy is written under a stand-in
   * name of the same length and the name bytes patched afterwards (in the entry's local header
   * and the central directory; deflated data never holds them literally).
   */
  public static Path write(Path target, List<Entry> entries) throws IOException {
    java.util.Map<String, String> standIns = new java.util.LinkedHashMap<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    try (OutputStream os = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.setLevel(1); // zeros deflate about 1000:1 at any level; this level is the quickest
      byte[] zeros = new byte[1 << 20];
      for (Entry e : entries) {
        String name = e.name();
        if (!names.add(name)) {
          name = name.substring(0, name.length() - 1) + (char) (1 + standIns.size());
          standIns.put(name, e.name());
        }
        zip.putNextEntry(new ZipEntry(name));
        if (e.bytes() != null) {
          zip.write(e.bytes());
        }
        for (long left = e.zeros(); left > 0; left -= zeros.length) {
          zip.write(zeros, 0, (int) Math.min(left, zeros.length));
        }
        zip.closeEntry();
      }
    }
    if (!standIns.isEmpty()) {
      byte[] zip = Files.readAllBytes(target);
      for (var standIn : standIns.entrySet()) {
        byte[] from = standIn.getKey().getBytes(StandardCharsets.UTF_8);
        byte[] to = standIn.getValue().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= zip.length; i++) {
          if (java.util.Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
            System.arraycopy(to, 0, zip, i, to.length);
          }
        }
      }
      Files.write(target, zip);
    }
    return target;
  }

  /**
   * A copy with the manifest edited and everything resealed: what someone who knows the format
   * writes, so only the checks behind the checksums can refuse it.
   */
  public static List<Entry> editManifest(List<Entry> entries, Consumer<ObjectNode> edit)
      throws IOException {
    ObjectNode manifest = (ObjectNode) JSON.readTree(get(entries, BundleIO.MANIFEST));
    edit.accept(manifest);
    return reseal(replace(entries, BundleIO.MANIFEST, JSON.writeValueAsBytes(manifest)));
  }

  /**
   * A copy as a bundle trained before the character tables and grammar words were rule files
   * (the shipped model): without the entries of {@link
   * org.trollscan.rules.Rules#TABLES_OLDER_BUNDLES_LACK}, the manifest listing them nowhere
   * (entries, pipeline), resealed.
   */
  public static List<Entry> withoutCharacterTables(List<Entry> entries) throws IOException {
    return withoutRuleFiles(entries, org.trollscan.rules.Rules.TABLES_OLDER_BUNDLES_LACK.keySet());
  }

  /**
   * A copy as a bundle trained before {@code files} were rule files: without their entries, the
   * manifest listing them nowhere (entries, pipeline), resealed.
   */
  public static List<Entry> withoutRuleFiles(List<Entry> entries,
      java.util.Collection<String> files) throws IOException {
    java.util.Set<String> tables = new java.util.HashSet<>();
    files.forEach(f -> tables.add(org.trollscan.features.Pipeline.entry(f)));
    List<Entry> kept = new ArrayList<>(entries.stream()
        .filter(e -> !tables.contains(e.name())).toList());
    return editManifest(kept, m -> {
      ((ArrayNode) m.get("entries")).removeIf(e -> tables.contains(e.get("name").asText()));
      for (var part : m.get("pipeline")) {
        for (var stage : part.isArray() ? part : List.of(part)) {
          ((ArrayNode) stage.get("rules")).removeIf(r -> tables.contains(r.asText()));
        }
      }
    });
  }

  /**
   * A copy whose manifest records the present SHA-256 and size of each entry it lists, and whose
   * manifest.sha256 matches the manifest.
   */
  public static List<Entry> reseal(List<Entry> entries) throws IOException {
    ObjectNode manifest = (ObjectNode) JSON.readTree(get(entries, BundleIO.MANIFEST));
    if (manifest.get("entries") instanceof ArrayNode listed) {
      for (var node : listed) {
        if (!(node instanceof ObjectNode e) || !e.path("name").isTextual()) {
          continue; // damaged on purpose: nothing to reseal
        }
        for (Entry present : entries) {
          if (present.name().equals(e.get("name").asText()) && present.bytes() != null) {
            e.put("sha256", BundleIO.sha256(present.bytes()));
            e.put("bytes", present.bytes().length);
            break;
          }
        }
      }
    }
    byte[] bytes = JSON.writeValueAsBytes(manifest);
    List<Entry> out = replace(entries, BundleIO.MANIFEST, bytes);
    return entries.stream().anyMatch(e -> e.name().equals(BundleIO.MANIFEST_SHA256))
        ? replace(out, BundleIO.MANIFEST_SHA256,
            BundleIO.seal(bytes).getBytes(StandardCharsets.UTF_8))
        : out;
  }

  /** A maxent entry that declares {@code predicates} predicates but holds only a few bytes. */
  public static byte[] maxentDeclaring(int predicates) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (var out = new java.io.DataOutputStream(buf)) {
      out.writeUTF("QN");
      out.writeInt(2);
      out.writeUTF(LabelModel.POSITIVE);
      out.writeUTF(LabelModel.NEGATIVE);
      out.writeInt(1);
      out.writeUTF(predicates + " 0 1");
      out.writeInt(predicates);
      out.writeUTF("w=ring");
      out.writeLong(Double.doubleToLongBits(1.0));
      out.writeLong(Double.doubleToLongBits(-1.0));
    }
    return buf.toByteArray();
  }
}
