package org.anjia.registry.adoption;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads a certificate's QR code as a phone would: the PDF's page rendered to pixels (PDFBox), the
 * code found and decoded there by ZXing, a decoder independent of the library that drew it.
 */
final class CertificateQrCodes {

  private CertificateQrCodes() {}

  /** What the QR code carries: the verification page's URL with the certificate's number and code. */
  record Scanned(String url, String number, String code) {

    /** The page and its query, as a browser opens it on whatever address the service runs at. */
    String pathAndQuery() {
      URI uri = URI.create(url);
      return uri.getRawPath().substring(1) + "?" + uri.getRawQuery();
    }
  }

  static Scanned scan(byte[] pdf) throws IOException {
    String url = decode(pdf);
    Map<String, String> query = Stream.of(URI.create(url).getRawQuery().split("&")).map(p -> p.split("=", 2))
        .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    return new Scanned(url, query.get("number"), query.get("code"));
  }

  /** The text of the QR code on the PDF's first page; fails when there is none. */
  static String decode(byte[] pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
      int width = page.getWidth();
      int height = page.getHeight();
      var pixels = new RGBLuminanceSource(width, height, page.getRGB(0, 0, width, height, null, 0, width));
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(pixels)),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    } catch (NotFoundException | ChecksumException | FormatException e) {
      throw new AssertionError("no readable QR code on the certificate", e);
    }
  }
}
