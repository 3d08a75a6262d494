package org.trollscan.eval;

import java.util.List;
import java.util.Locale;

/**
 * Small SVG charts for the HTML report, written as plain markup: a line chart over the unit
 * square, a bar chart and an overlaid histogram. A charting library would add megabytes to the
 * jar for three chart types a hundred lines can draw, and its output would need a script or a
 * font to render; plain SVG opens anywhere, offline.
 */
final class Svg {
  static final int W = 360;
  static final int H = 260;
  static final int PAD = 40;
  static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

  private Svg() {}

  /** A named polyline. */
  record Series(String name, double[][] points) {}

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

  private static void axes(StringBuilder sb, String title, String xLabel, String yLabel) {
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"")
        .append(H).append("\" font-family=\"sans-serif\" font-size=\"11\">");
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

  /** Lines in the unit square, with an optional dashed diagonal (chance or perfect calibration). */
  static String lines(String title, String xLabel, String yLabel, List<Series> series,
      boolean diagonal) {
    StringBuilder sb = new StringBuilder();
    axes(sb, title, xLabel, yLabel);
    if (diagonal) {
      sb.append("<line x1=\"").append(f(x(0))).append("\" y1=\"").append(f(y(0)))
          .append("\" x2=\"").append(f(x(1))).append("\" y2=\"").append(f(y(1)))
          .append("\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>");
    }
    for (int s = 0; s < series.size(); s++) {
      String colour = COLOURS[s % COLOURS.length];
      sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
      for (double[] p : series.get(s).points()) {
        sb.append(f(x(p[0]))).append(',').append(f(y(p[1]))).append(' ');
      }
      sb.append("\"/>");
      sb.append("<text x=\"").append(PAD + 8).append("\" y=\"").append(PAD + 14 + 13 * s)
          .append("\" fill=\"").append(colour).append("\">").append(esc(series.get(s).name()))
          .append("</text>");
    }
    return sb.append("</svg>").toString();
  }

  /** Horizontal bars with values in [0, 1]. */
  static String bars(String title, List<String> names, double[] values) {
    int rowH = 18;
    int width = 560;
    int left = 230;
    int height = 30 + rowH * names.size();
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">");
    sb.append("<text x=\"4\" y=\"14\" font-weight=\"bold\">").append(esc(title)).append("</text>");
    for (int i = 0; i < names.size(); i++) {
      double v = Double.isNaN(values[i]) ? 0 : values[i];
      int top = 24 + i * rowH;
      sb.append("<text x=\"").append(left - 6).append("\" y=\"").append(top + 12)
          .append("\" text-anchor=\"end\">").append(esc(names.get(i))).append("</text>");
      sb.append("<rect x=\"").append(left).append("\" y=\"").append(top + 2).append("\" width=\"")
          .append(f(v * (width - left - 60))).append("\" height=\"").append(rowH - 5)
          .append("\" fill=\"").append(v >= 0.9 ? "#2ca02c" : "#d62728").append("\"/>");
      sb.append("<text x=\"").append(f(left + v * (width - left - 60) + 4)).append("\" y=\"")
          .append(top + 12).append("\">")
          .append(Double.isNaN(values[i]) ? "n/a" : String.format(Locale.ROOT, "%.2f", v))
          .append("</text>");
    }
    return sb.append("</svg>").toString();
  }

  /** Two overlaid histograms of scores, as shares of each class, over 20 bins. */
  static String histogram(String title, double[] negatives, double[] positives) {
    int bins = 20;
    double[][] share = new double[2][bins];
    double[][] data = {negatives, positives};
    double max = 0;
    for (int c = 0; c < 2; c++) {
      for (double s : data[c]) {
        share[c][Math.min(bins - 1, (int) (s * bins))] += 1.0 / Math.max(1, data[c].length);
      }
      for (double v : share[c]) {
        max = Math.max(max, v);
      }
    }
    StringBuilder sb = new StringBuilder();
    axes(sb, title, "score", "share of class");
    String[] names = {"gold 0", "gold 1"};
    for (int c = 0; c < 2; c++) {
      for (int b = 0; b < bins; b++) {
        double h = max == 0 ? 0 : share[c][b] / max;
        sb.append("<rect x=\"").append(f(x((double) b / bins))).append("\" y=\"").append(f(y(h)))
            .append("\" width=\"").append(f((W - 2 * PAD) / (double) bins)).append("\" height=\"")
            .append(f(y(0) - y(h))).append("\" fill=\"").append(COLOURS[c == 0 ? 0 : 1])
            .append("\" fill-opacity=\"0.45\"/>");
      }
      sb.append("<text x=\"").append(PAD + 8).append("\" y=\"").append(PAD + 14 + 13 * c)
          .append("\" fill=\"").append(COLOURS[c == 0 ? 0 : 1]).append("\">").append(names[c])
          .append(" (").append(data[c].length).append(")</text>");
    }
    return sb.append("</svg>").toString();
  }
}
