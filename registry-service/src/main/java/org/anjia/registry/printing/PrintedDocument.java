package org.anjia.registry.printing;

import io.nayuki.qrcodegen.QrCode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A document the registry prints as PDF: a centred title and subtitle, lines of text flowing down
 * the page (wrapped at the margin, after Chinese punctuation where it fits, onto further pages when
 * long; a typed line break starts a new line), the legal basis at the foot of every page, and
 * optionally a QR code with its caption at the bottom of the first page. Chinese text needs a TrueType collection with CJK glyphs
 * ({@code anjia.printing.font}, Debian's fonts-wqy-zenhei by default); without it rendering fails
 * loudly, naming the font. Used for the adoption certificates and the foster agreement.
 */
public final class PrintedDocument {

  /** The paper and its layout: a certificate on A5, an agreement on A4. */
  public enum Format {
    /** A certificate: one A5 page, lines set wide apart. */
    CERTIFICATE(PDRectangle.A5, 40, 24),
    /** An agreement: A4 pages, text set as paragraphs. */
    AGREEMENT(PDRectangle.A4, 56, 17);

    private final PDRectangle paper;
    private final float margin;
    private final float leading;

    Format(PDRectangle paper, float margin, float leading) {
      this.paper = paper;
      this.margin = margin;
      this.leading = leading;
    }
  }

  /** A line of a QR code's caption, in its own size. */
  public record Caption(String text, float size) {}

  private record Line(String text, float size, float indent, float spaceBefore) {}

  private record Qr(String content, List<Caption> captions) {}

  private static final float BODY_SIZE = 11;
  private static final float HEADING_SIZE = 12.5f;
  private static final float FOOTER_SIZE = 9;
  /** The QR code's side on the page, in points (about 35 mm): a phone reads it from arm's length. */
  private static final float QR_SIDE = 100;
  private static final float QR_BOTTOM = 90;
  private static final String BREAK_AFTER = "，、；：。）";

  private final Format format;
  private final String title;
  private final String subtitle;
  private final List<Line> lines = new ArrayList<>();
  private String footer = "";
  private Qr qr;

  private PrintedDocument(Format format, String title, String subtitle) {
    this.format = format;
    this.title = title;
    this.subtitle = subtitle;
  }

  public static PrintedDocument of(Format format, String title, String subtitle) {
    return new PrintedDocument(format, title, subtitle);
  }

  /** A line of body text, wrapped when it is wider than the page. */
  public PrintedDocument line(String text) {
    lines.add(new Line(text, BODY_SIZE, 0, 0));
    return this;
  }

  /** A line of body text set in from the margin (an item of a list under a heading). */
  public PrintedDocument item(String text) {
    lines.add(new Line(text, BODY_SIZE, 2 * BODY_SIZE, 0));
    return this;
  }

  /** A section heading, with space above it. */
  public PrintedDocument heading(String text) {
    lines.add(new Line(text, HEADING_SIZE, 0, format.leading * 0.6f));
    return this;
  }

  /** The legal basis, centred at the foot of every page (on two lines, broken after a comma, when one is too wide). */
  public PrintedDocument footer(String text) {
    this.footer = text;
    return this;
  }

  /** A QR code at the bottom right of the first page, its caption to its left. */
  public PrintedDocument qrCode(String content, List<Caption> captions) {
    this.qr = new Qr(content, List.copyOf(captions));
    return this;
  }

  /** The PDF, set in the first font of the TrueType collection at {@code fontPath}. */
  public byte[] render(String fontPath) {
    try (PDDocument document = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(new File(fontPath))) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      fonts.processAllFonts(font -> {
        if (first[0] == null) {
          first[0] = font;
        }
      });
      PDType0Font font = PDType0Font.load(document, first[0], true);
      new Pages(document, font).print();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot print \"" + title + "\" with font " + fontPath, e);
    }
  }

  /** The pages as they fill: a new one when the next line would run into the foot (or the QR code). */
  private final class Pages {

    private final PDDocument document;
    private final PDType0Font font;
    private final float pageWidth = format.paper.getWidth();
    private final float height = format.paper.getHeight();
    private PDPageContentStream content;
    private float y;
    private float bottom;

    Pages(PDDocument document, PDType0Font font) {
      this.document = document;
      this.font = font;
    }

    void print() throws IOException {
      newPage();
      centered(22, height - 75, title);
      centered(10, height - 97, subtitle);
      y = height - 145;
      if (qr != null) {
        qrCode();
      }
      for (Line line : lines) {
        y -= line.spaceBefore();
        float left = format.margin + line.indent();
        for (String part : wrap(line.text(), line.size(), pageWidth - format.margin - left)) {
          if (y < bottom) {
            content.close();
            newPage();
            y = height - 75;
          }
          text(line.size(), left, y, part);
          y -= format.leading;
        }
      }
      content.close();
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(format.paper);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      bottom = qr != null && document.getNumberOfPages() == 1 ? QR_BOTTOM + QR_SIDE + 20 : 90;
      if (!footer.isEmpty()) {
        List<String> parts = wrap(footer, FOOTER_SIZE, pageWidth - 60);
        float top = 60 + (parts.size() - 1) * 6;
        for (String part : parts) {
          centered(FOOTER_SIZE, top, part);
          top -= 12;
        }
      }
    }

    /** The QR code at the bottom right; to its left, what it is for and how else to verify. */
    private void qrCode() throws IOException {
      QrCode code = QrCode.encodeText(qr.content(), QrCode.Ecc.MEDIUM);
      float module = QR_SIDE / code.size;
      float left = pageWidth - format.margin - QR_SIDE;
      for (int row = 0; row < code.size; row++) {
        for (int column = 0; column < code.size; column++) {
          if (code.getModule(column, row)) {
            content.addRect(left + column * module, QR_BOTTOM + (code.size - 1 - row) * module, module, module);
          }
        }
      }
      content.fill();
      float captionY = QR_BOTTOM + 70;
      for (Caption caption : qr.captions()) {
        text(caption.size(), format.margin, captionY, caption.text());
        captionY -= caption.size() * 2;
      }
    }

    /** The text in lines no wider than {@code available}, broken after punctuation where one fits, else anywhere. */
    private List<String> wrap(String text, float size, float available) throws IOException {
      List<String> parts = new ArrayList<>();
      for (String paragraph : text.split("\\R")) {
        wrapParagraph(paragraph.strip(), size, available, parts);
      }
      return parts;
    }

    private void wrapParagraph(String paragraph, float size, float available, List<String> parts) throws IOException {
      String rest = paragraph;
      while (width(rest, size) > available) {
        int fits = 1;
        while (fits < rest.length() && width(rest.substring(0, fits + 1), size) <= available) {
          fits++;
        }
        int cut = fits;
        for (int i = fits; i > fits / 2; i--) {
          if (BREAK_AFTER.indexOf(rest.charAt(i - 1)) >= 0) {
            cut = i;
            break;
          }
        }
        parts.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      parts.add(rest);
    }

    private float width(String text, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    private void centered(float size, float atY, String text) throws IOException {
      text(size, (pageWidth - width(text, size)) / 2, atY, text);
    }

    private void text(float size, float x, float atY, String text) throws IOException {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, atY);
      content.showText(text);
      content.endText();
    }
  }
}
