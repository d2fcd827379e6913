package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The shared HTTP client against a server that closes a keep-alive connection after 1 s without a
 * request, as servers do after their idle timeout: a connection idle for longer than the client's
 * maximum is not reused, so no request goes out on a connection the server has closed.
 */
class IdleConnectionTest {
  private static final int SERVER_IDLE_MS = 1000;

  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  connections.incrementAndGet();
                  Thread serve = new Thread(() -> serve(s));
                  serve.setDaemon(true);
                  serve.start();
                } catch (IOException e) {
                  return; // closed
                }
              }
            });
    accept.setDaemon(true);
    accept.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void aConnectionIdleLongerThanTheMaximumIsNotReused() throws Exception {
    try (SdkHttpClient http = AwsClients.httpClient(4, Duration.ofMillis(300))) {
      assertThat(get(http)).isEqualTo(200);
      Thread.sleep(SERVER_IDLE_MS + 500); // the server has closed the connection
      assertThat(get(http)).isEqualTo(200);
    }
    assertThat(requests.get()).isEqualTo(2);
    assertThat(connections.get()).isEqualTo(2);
  }

  @Test
  void withoutTheMaximumTheClosedConnectionIsReusedAndTheRequestFails() throws Exception {
    try (SdkHttpClient http = AwsClients.httpClient(4, Duration.ofSeconds(60))) {
      assertThat(get(http)).isEqualTo(200);
      Thread.sleep(SERVER_IDLE_MS + 500);
      assertThatThrownBy(() -> get(http)).isInstanceOf(IOException.class);
    }
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void aConnectionUsedAgainSoonIsReused() throws Exception {
    try (SdkHttpClient http = AwsClients.httpClient(4, AwsClients.MAX_IDLE)) {
      assertThat(get(http)).isEqualTo(200);
      assertThat(get(http)).isEqualTo(200);
    }
    assertThat(requests.get()).isEqualTo(2);
    assertThat(connections.get()).isEqualTo(1);
  }

  private int get(SdkHttpClient http) throws IOException {
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"))
            .build();
    HttpExecuteResponse response =
        http.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call();
    try (InputStream body = response.responseBody().orElseThrow()) {
      body.readAllBytes();
    }
    return response.httpResponse().statusCode();
  }

  /** Answers each request on the connection; closes it after SERVER_IDLE_MS without one. */
  private void serve(Socket s) {
    try (s;
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream()) {
      s.setSoTimeout(SERVER_IDLE_MS);
      while (true) {
        String line = in.readLine();
        if (line == null) {
          return;
        }
        while (!line.isEmpty()) { // the request's headers; a GET has no body
          line = in.readLine();
          if (line == null) {
            return;
          }
        }
        requests.incrementAndGet();
        out.write(
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (SocketTimeoutException e) {
      // idle for too long: the connection is closed, as the server's idle timeout does
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
