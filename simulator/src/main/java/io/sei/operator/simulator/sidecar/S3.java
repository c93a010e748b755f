package io.sei.operator.simulator.sidecar;

import io.sei.operator.simulator.net.SimNet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The two S3 calls the sidecar makes, against an S3-compatible endpoint in path style ({@code
 * <endpoint>/<bucket>/<key>}): ListObjectsV2 and GetObject. No signing: the simulated store does
 * not check credentials. Without an endpoint every call fails naming {@value
 * SidecarConfig#S3_ENDPOINT_ENV}, since the simulator cannot reach AWS.
 */
final class S3 {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String endpoint;
  private final HttpClient client;
  private final SimNet net;

  S3(String endpoint, HttpClient client, SimNet net) {
    this.endpoint = endpoint == null ? null : endpoint.replaceAll("/+$", "");
    this.client = client;
    this.net = net;
  }

  /** The keys under {@code prefix}, following continuation tokens. */
  List<String> list(String task, String bucket, String prefix) throws TaskFailure, IOException {
    List<String> keys = new ArrayList<>();
    String token = null;
    while (true) {
      String url =
          base(task)
              + "/"
              + encode(bucket)
              + "?list-type=2&prefix="
              + encode(prefix)
              + (token == null ? "" : "&continuation-token=" + encode(token));
      HttpResponse<byte[]> response = send(task, URI.create(url), bucket, prefix);
      Document xml = parse(task, response.body(), bucket, prefix);
      NodeList contents = xml.getElementsByTagName("Contents");
      for (int i = 0; i < contents.getLength(); i++) {
        NodeList key = ((Element) contents.item(i)).getElementsByTagName("Key");
        if (key.getLength() > 0) {
          keys.add(key.item(0).getTextContent());
        }
      }
      if (!"true".equals(text(xml, "IsTruncated"))) {
        return keys;
      }
      token = text(xml, "NextContinuationToken");
      if (token == null) {
        return keys;
      }
    }
  }

  /** One object's bytes. */
  byte[] get(String task, String bucket, String key) throws TaskFailure, IOException {
    StringBuilder path = new StringBuilder(base(task)).append('/').append(encode(bucket));
    for (String segment : key.split("/", -1)) {
      path.append('/').append(encode(segment));
    }
    return send(task, URI.create(path.toString()), bucket, key).body();
  }

  private String base(String task) throws TaskFailure {
    if (endpoint == null) {
      throw new TaskFailure(
          task
              + ": no S3 endpoint: set "
              + SidecarConfig.S3_ENDPOINT_ENV
              + " to an S3-compatible endpoint (the simulated chain serves the buckets)");
    }
    return endpoint;
  }

  private HttpResponse<byte[]> send(String task, URI uri, String bucket, String key)
      throws TaskFailure, IOException {
    HttpResponse<byte[]> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(net.outbound(uri)).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (IOException e) {
      throw new TaskFailure(
          task + ": s3://" + bucket + "/" + key + ": endpoint " + endpoint + " unreachable: " + e);
    }
    if (response.statusCode() / 100 != 2) {
      String code = null;
      try {
        code = text(parse(task, response.body(), bucket, key), "Code");
      } catch (TaskFailure notXml) {
        // no S3 error document
      }
      throw new TaskFailure(
          task
              + ": s3://"
              + bucket
              + "/"
              + key
              + ": "
              + (code == null ? "" : code + " ")
              + "(HTTP "
              + response.statusCode()
              + ")");
    }
    return response;
  }

  private static Document parse(String task, byte[] body, String bucket, String key)
      throws TaskFailure {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw new TaskFailure(
          task + ": s3://" + bucket + "/" + key + ": the answer is not S3 XML: " + e.getMessage());
    }
  }

  private static String text(Document xml, String tag) {
    NodeList nodes = xml.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
