// siklus's past-time test server (runtime/past-time-test-server.ts): Temporal's time-skipping test
// server, served on a port exactly as io.temporal.testserver.TestServer.createPortBoundServer does, but
// with its clock starting at a given instant instead of now. The demo runs a whole earlier year on it.
// Usage: PastTimeTestServer <port> <initialTimeMillis> [<ownerPid>]. With an owner's pid it exits once
// that process is gone: a SIGKILLed npm start would otherwise leave it running, holding its port.
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;

public final class PastTimeTestServer {
  public static void main(String[] args) throws Exception {
    if (args.length != 2 && args.length != 3) {
      System.err.println("usage: PastTimeTestServer <port> <initialTimeMillis> [<ownerPid>]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    long initialTimeMillis = Long.parseLong(args[1]);
    // Locked as the SDK's own launch of the test server is: time skips only while a client waits.
    TestServicesStarter starter = new TestServicesStarter(true, initialTimeMillis);
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(starter.getServices(), builder);
    Server server = builder.build().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  starter.close();
                }));
    if (args.length == 3) {
      ProcessHandle.of(Long.parseLong(args[2]))
          .map(ProcessHandle::onExit)
          .orElse(java.util.concurrent.CompletableFuture.completedFuture(null))
          .thenRun(() -> System.exit(0));
    }
    server.awaitTermination();
  }
}
