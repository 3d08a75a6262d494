package org.trollscan.eval;

import java.util.List;
import java.util.Locale;

/**
 * Small SVG charts for the HTML report, written as plain markup: line charts over the unit
 * square (with operating points and a threshold line) and an overlaid histogram. A charting
 * library would add megabytes to the jar for two chart types a hundred lines can draw, and its
 * output would need a script or a font to render; plain SVG opens anywhere, offline.
 */
final class Svg {
  static final int W = 360;
  static final int H = 260;
  static final int PAD = 40;
  static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

  private Svg() {}

  /**
   * A named polyline.
   *
   * @param colour its stroke
   * @param style 0 solid, 1 dashed (the baseline), 2 and 3 other dash patterns
   * @param marker a point drawn as a dot (the operating point), or null
   */
  record Series(String name, double[][] points, String colour, int style, double[] marker) {}

  private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3"};

  private static String dash(int style) {
    String d = DASHES[style % DASHES.length];
    return d.isEmpty() ? "" : " stroke-dasharray=\"" + d + "\"";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static double x(double v) {
    return PAD + v * (W - 2 * PAD);
  }

  private static double y(double v) {
    return H - PAD - v * (H - 2 * PAD);
  }

  /** The frame, ticks and titles; {@code legendRows} lines of legend go below the x axis. */
  private static void axes(StringBuilder sb, String title, String xLabel, String yLabel,
      int legendRows) {
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"")
        .append(H + 14 * legendRows + 4).append("\" font-family=\"sans-serif\" font-size=\"11\">");
    sb.append("<text x=\"").append(W / 2).append("\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">")
        .append(esc(title)).append("</text>");
    sb.append("<rect x=\"").append(PAD).append("\" y=\"").append(PAD).append("\" width=\"")
        .append(W - 2 * PAD).append("\" height=\"").append(H - 2 * PAD)
        .append("\" fill=\"none\" stroke=\"#999\"/>");
    for (int i = 0; i <= 4; i++) {
      double v = i / 4.0;
      sb.append("<text x=\"").append(f(x(v))).append("\" y=\"").append(H - PAD + 14)
          .append("\" text-anchor=\"middle\">").append(v).append("</text>");
      sb.append("<text x=\"").append(PAD - 4).append("\" y=\"").append(f(y(v) + 4))
          .append("\" text-anchor=\"end\">").append(v).append("</text>");
    }
    sb.append("<text x=\"").append(W / 2).append("\" y=\"").append(H - 6)
        .append("\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>");
    sb.append("<text x=\"12\" y=\"").append(H / 2).append("\" transform=\"rotate(-90 12 ")
        .append(H / 2).append(")\" text-anchor=\"middle\">").append(esc(yLabel)).append("</text>");
  }

  /** Legend line {@code row} below the chart: a short stroke in the series' style, its name. */
  private static void legend(StringBuilder sb, int row, String colour, int style,
      String html) {
    double top = H + 10 + 14 * row;
    sb.append("<line x1=\"").append(PAD).append("\" y1=\"").append(f(top - 4)).append("\" x2=\"")
        .append(PAD + 22).append("\" y2=\"").append(f(top - 4)).append("\" stroke=\"")
        .append(colour).append("\" stroke-width=\"").append(style == 0 ? 4 : 2).append('"')
        .append(dash(style)).append("/>");
    sb.append("<text x=\"").append(PAD + 28).append("\" y=\"").append(f(top))
        .append("\">").append(html).append("</text>");
  }

  /** A dashed vertical line at x = threshold, labelled. */
  private static void thresholdLine(StringBuilder sb, double threshold, String label) {
    if (Double.isNaN(threshold)) {
      return;
    }
    double t = Math.max(0, Math.min(1, threshold));
    sb.append("<line x1=\"").append(f(x(t))).append("\" y1=\"").append(f(y(0)))
        .append("\" x2=\"").append(f(x(t))).append("\" y2=\"").append(f(y(1)))
        .append("\" stroke=\"#333\" stroke-dasharray=\"2 2\"/>");
    sb.append("<text x=\"").append(f(x(t) + 3)).append("\" y=\"").append(f(y(1) + 11))
        .append("\" font-size=\"10\">").append(esc(label)).append("</text>");
  }

  /**
   * Lines in the unit square, with an optional dashed diagonal (chance or perfect calibration)
   * and an optional threshold line (NaN for none).
   */
  static String lines(String title, String xLabel, String yLabel, List<Series> series,
      boolean diagonal, double threshold) {
    StringBuilder sb = new StringBuilder();
    axes(sb, title, xLabel, yLabel, series.size());
    if (diagonal) {
      sb.append("<line x1=\"").append(f(x(0))).append("\" y1=\"").append(f(y(0)))
          .append("\" x2=\"").append(f(x(1))).append("\" y2=\"").append(f(y(1)))
          .append("\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>");
    }
    thresholdLine(sb, threshold, String.format(Locale.ROOT, "threshold %.3f", threshold));
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      sb.append("<polyline fill=\"none\" stroke=\"").append(line.colour())
          .append("\" stroke-width=\"2\"").append(dash(line.style()))
          .append(" points=\"");
      for (double[] p : line.points()) {
        sb.append(f(x(p[0]))).append(',').append(f(y(p[1]))).append(' ');
      }
      sb.append("\"/>");
      if (line.marker() != null && !Double.isNaN(line.marker()[0])
          && !Double.isNaN(line.marker()[1])) {
        sb.append("<circle cx=\"").append(f(x(line.marker()[0]))).append("\" cy=\"")
            .append(f(y(line.marker()[1]))).append("\" r=\"5\" fill=\"").append(line.colour())
            .append("\" stroke=\"#000\"><title>operating point</title></circle>");
      }
      legend(sb, s, line.colour(), line.style(), esc(line.name()));
    }
    return sb.append("</svg>").toString();
  }

  /** Two overlaid histograms of scores, as shares of each class, over 20 bins, and the threshold. */
  static String histogram(String title, double[] negatives, double[] positives, double threshold) {
    int bins = 20;
    double[][] share = shares(negatives, positives, bins);
    double max = 0;
    for (double[] c : share) {
      for (double v : c) {
        max = Math.max(max, v);
      }
    }
    StringBuilder sb = new StringBuilder();
    axes(sb, title, "score", "share of class (scaled)", 2);
    String[] names = {"gold 0", "gold 1"};
    double[][] data = {negatives, positives};
    for (int c = 0; c < 2; c++) {
      for (int b = 0; b < bins; b++) {
        double h = max == 0 ? 0 : share[c][b] / max;
        sb.append("<rect x=\"").append(f(x((double) b / bins))).append("\" y=\"").append(f(y(h)))
            .append("\" width=\"").append(f((W - 2 * PAD) / (double) bins)).append("\" height=\"")
            .append(f(y(0) - y(h))).append("\" fill=\"").append(COLOURS[c == 0 ? 0 : 1])
            .append("\" fill-opacity=\"0.45\"/>");
      }
      legend(sb, c, COLOURS[c == 0 ? 0 : 1], 0, names[c] + " (" + data[c].length + ")");
    }
    thresholdLine(sb, threshold, String.format(Locale.ROOT, "threshold %.3f", threshold));
    return sb.append("</svg>").toString();
  }

  /** Per class, the share of its scores in each of {@code bins} equal-width bins. */
  static double[][] shares(double[] negatives, double[] positives, int bins) {
    double[][] share = new double[2][bins];
    double[][] data = {negatives, positives};
    for (int c = 0; c < 2; c++) {
      for (double s : data[c]) {
        share[c][Math.max(0, Math.min(bins - 1, (int) (s * bins)))] += 1.0
            / Math.max(1, data[c].length);
      }
    }
    return share;
  }
}
